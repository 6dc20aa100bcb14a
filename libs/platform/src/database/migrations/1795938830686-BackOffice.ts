import { SqlMigration } from '../sql-migration';

export class BackOffice1795938830686 extends SqlMigration {
  name = 'BackOffice1795938830686';

  upSql = [
    "CREATE TABLE \"rate_limit_counters\" (\"key\" text NOT NULL, \"hits\" integer NOT NULL, \"window_ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_ad665f1998311a7bd0e8265365d\" PRIMARY KEY (\"key\"))",
    "CREATE INDEX \"IDX_d73bd4080dfa7ae8bab76a95af\" ON \"rate_limit_counters\" (\"window_ends_at\") ",
    "CREATE TABLE \"audit_entries\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"actor_user_id\" uuid, \"action\" text NOT NULL, \"entity_type\" text NOT NULL, \"entity_id\" text NOT NULL, \"changes\" jsonb NOT NULL DEFAULT '{}', \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_6b1623bcad4d04530b76548d619\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"audit_entries_organization_at\" ON \"audit_entries\" (\"organization_id\", \"at\") ",
    "CREATE TABLE \"sessions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"token_hash\" text NOT NULL, \"csrf_token\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"last_seen_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ip\" text NOT NULL DEFAULT '', \"user_agent\" text NOT NULL DEFAULT '', CONSTRAINT \"UQ_abaa9e068cdd390bc5210f79884\" UNIQUE (\"token_hash\"), CONSTRAINT \"PK_3238ef96f18b355b671619111bc\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\" ON \"sessions\" (\"user_id\") ",
    "CREATE INDEX \"IDX_9cfe37d28c3b229a350e086d94\" ON \"sessions\" (\"expires_at\") ",
    "CREATE TABLE \"sign_in_links\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"token_hash\" text NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"UQ_7e056095bb858289789025d055c\" UNIQUE (\"token_hash\"), CONSTRAINT \"PK_2097ee1b62272fac6526b35398e\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_35646de82c2b76d041ffdef1cc\" ON \"sign_in_links\" (\"user_id\") ",
    "CREATE TABLE \"invitations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"email\" text NOT NULL, \"name\" text NOT NULL DEFAULT '', \"role\" text NOT NULL, \"token_hash\" text NOT NULL, \"invited_by_user_id\" uuid, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"accepted_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"UQ_872ac94a64b3d44fc4b554780cd\" UNIQUE (\"token_hash\"), CONSTRAINT \"invitations_role_known\" CHECK (\"role\" IN ('owner', 'admin', 'program', 'desk', 'viewer')), CONSTRAINT \"PK_5dec98cfdfd562e4ad3648bbb07\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_42d1dbb4d85dc3643fdc6560af\" ON \"invitations\" (\"organization_id\") ",
    "ALTER TABLE \"sessions\" ADD CONSTRAINT \"FK_085d540d9f418cfbdc7bd55bb19\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION",
    "ALTER TABLE \"sign_in_links\" ADD CONSTRAINT \"FK_35646de82c2b76d041ffdef1ccf\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION",
    "ALTER TABLE \"invitations\" ADD CONSTRAINT \"FK_42d1dbb4d85dc3643fdc6560af0\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION",
  ];

  downSql = [
    "ALTER TABLE \"invitations\" DROP CONSTRAINT \"FK_42d1dbb4d85dc3643fdc6560af0\"",
    "ALTER TABLE \"sign_in_links\" DROP CONSTRAINT \"FK_35646de82c2b76d041ffdef1ccf\"",
    "ALTER TABLE \"sessions\" DROP CONSTRAINT \"FK_085d540d9f418cfbdc7bd55bb19\"",
    "DROP INDEX \"public\".\"IDX_42d1dbb4d85dc3643fdc6560af\"",
    "DROP TABLE \"invitations\"",
    "DROP INDEX \"public\".\"IDX_35646de82c2b76d041ffdef1cc\"",
    "DROP TABLE \"sign_in_links\"",
    "DROP INDEX \"public\".\"IDX_9cfe37d28c3b229a350e086d94\"",
    "DROP INDEX \"public\".\"IDX_085d540d9f418cfbdc7bd55bb1\"",
    "DROP TABLE \"sessions\"",
    "DROP INDEX \"public\".\"audit_entries_organization_at\"",
    "DROP TABLE \"audit_entries\"",
    "DROP INDEX \"public\".\"IDX_d73bd4080dfa7ae8bab76a95af\"",
    "DROP TABLE \"rate_limit_counters\"",
  ];
}
