import { SqlMigration } from '../sql-migration';

export class CheckIns1796054814497 extends SqlMigration {
  name = 'CheckIns1796054814497';

  upSql = [
    "CREATE TABLE \"check_ins\" (\"registration_id\" uuid NOT NULL, \"door\" text NOT NULL, \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"checked_in_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"scan_id\" uuid NOT NULL, CONSTRAINT \"PK_412d4373281faa6f3d9232799c0\" PRIMARY KEY (\"registration_id\", \"door\"))",
    "CREATE INDEX \"IDX_a64d05236cd4b4e0e68c32b4ce\" ON \"check_ins\" (\"event_id\", \"door\", \"checked_in_at\") ",
    "CREATE TABLE \"check_in_scans\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"registration_id\" uuid, \"code\" text NOT NULL, \"door\" text NOT NULL, \"result\" text NOT NULL, \"first_scan\" boolean NOT NULL DEFAULT false, \"device_id\" text, \"nonce\" text, \"scanned_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"scanned_by\" uuid, CONSTRAINT \"PK_c541932aa337b018ae0676603c2\" PRIMARY KEY (\"id\"))",
    "CREATE UNIQUE INDEX \"IDX_f3124bc03bf31027a4c60d6eb7\" ON \"check_in_scans\" (\"event_id\", \"device_id\", \"nonce\") ",
    "CREATE INDEX \"IDX_14e8125f6e5d5bec3a5f2b88a2\" ON \"check_in_scans\" (\"event_id\", \"scanned_at\") ",
    "ALTER TABLE \"session_signups\" ADD \"roster_version\" bigint NOT NULL DEFAULT '0'",
    "ALTER TABLE \"registrations\" ADD \"roster_version\" bigint NOT NULL DEFAULT '0'",
    // The desks' roster delta: every write of a registration or a sign-up takes the next version.
    'CREATE SEQUENCE "registration_roster_seq"',
    `CREATE FUNCTION "registration_roster_version"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.roster_version := nextval('registration_roster_seq'); RETURN NEW; END $$`,
    'CREATE TRIGGER "registrations_roster_version" BEFORE INSERT OR UPDATE ON "registrations" FOR EACH ROW EXECUTE FUNCTION "registration_roster_version"()',
    'CREATE TRIGGER "session_signups_roster_version" BEFORE INSERT OR UPDATE ON "session_signups" FOR EACH ROW EXECUTE FUNCTION "registration_roster_version"()',
    'CREATE INDEX "registrations_roster" ON "registrations" ("event_id", "roster_version")',
  ];

  downSql = [
    'DROP INDEX "registrations_roster"',
    'DROP TRIGGER "session_signups_roster_version" ON "session_signups"',
    'DROP TRIGGER "registrations_roster_version" ON "registrations"',
    'DROP FUNCTION "registration_roster_version"()',
    'DROP SEQUENCE "registration_roster_seq"',
    "ALTER TABLE \"registrations\" DROP COLUMN \"roster_version\"",
    "ALTER TABLE \"session_signups\" DROP COLUMN \"roster_version\"",
    "DROP INDEX \"public\".\"IDX_14e8125f6e5d5bec3a5f2b88a2\"",
    "DROP INDEX \"public\".\"IDX_f3124bc03bf31027a4c60d6eb7\"",
    "DROP TABLE \"check_in_scans\"",
    "DROP INDEX \"public\".\"IDX_a64d05236cd4b4e0e68c32b4ce\"",
    "DROP TABLE \"check_ins\"",
  ];
}
