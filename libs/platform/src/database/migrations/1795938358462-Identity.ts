import { SqlMigration } from '../sql-migration';

export class Identity1795938358462 extends SqlMigration {
  name = 'Identity1795938358462';

  upSql = [
    "CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" text NOT NULL, \"name\" text NOT NULL DEFAULT '', \"password_hash\" text, \"locale\" text NOT NULL DEFAULT 'fr', \"credentials_changed_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_97672ac88f789774dd47f7c8be3\" UNIQUE (\"email\"), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))",
    "CREATE TABLE \"memberships\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"role\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"memberships_user_organization\" UNIQUE (\"user_id\", \"organization_id\"), CONSTRAINT \"memberships_role_known\" CHECK (\"role\" IN ('owner', 'admin', 'program', 'desk', 'viewer')), CONSTRAINT \"PK_25d28bd932097a9e90495ede7b4\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_e5380c394ec7912046d07b5429\" ON \"memberships\" (\"organization_id\") ",
    "CREATE TABLE \"api_tokens\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"token_hash\" text NOT NULL, \"label\" text NOT NULL DEFAULT '', \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"last_used_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_bbd687a104e1921e6702c6e3aad\" UNIQUE (\"token_hash\"), CONSTRAINT \"PK_c587455266b5fa8dace7194caac\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_b74883f5884a42fd8496d389b2\" ON \"api_tokens\" (\"user_id\") ",
    "ALTER TABLE \"memberships\" ADD CONSTRAINT \"FK_7c1e2fdfed4f6838e0c05ae5051\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION",
    "ALTER TABLE \"memberships\" ADD CONSTRAINT \"FK_e5380c394ec7912046d07b54290\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION",
    "ALTER TABLE \"api_tokens\" ADD CONSTRAINT \"FK_b74883f5884a42fd8496d389b25\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION",
  ];

  downSql = [
    "ALTER TABLE \"api_tokens\" DROP CONSTRAINT \"FK_b74883f5884a42fd8496d389b25\"",
    "ALTER TABLE \"memberships\" DROP CONSTRAINT \"FK_e5380c394ec7912046d07b54290\"",
    "ALTER TABLE \"memberships\" DROP CONSTRAINT \"FK_7c1e2fdfed4f6838e0c05ae5051\"",
    "DROP INDEX \"public\".\"IDX_b74883f5884a42fd8496d389b2\"",
    "DROP TABLE \"api_tokens\"",
    "DROP INDEX \"public\".\"IDX_e5380c394ec7912046d07b5429\"",
    "DROP TABLE \"memberships\"",
    "DROP TABLE \"users\"",
  ];
}
