import { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckIns1796054814497 implements MigrationInterface {
  name = 'CheckIns1796054814497';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"check_ins\" (\"registration_id\" uuid NOT NULL, \"door\" text NOT NULL, \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"checked_in_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"scan_id\" uuid NOT NULL, CONSTRAINT \"PK_412d4373281faa6f3d9232799c0\" PRIMARY KEY (\"registration_id\", \"door\"))");
    await queryRunner.query("CREATE INDEX \"IDX_a64d05236cd4b4e0e68c32b4ce\" ON \"check_ins\" (\"event_id\", \"door\", \"checked_in_at\") ");
    await queryRunner.query("CREATE TABLE \"check_in_scans\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"registration_id\" uuid, \"code\" text NOT NULL, \"door\" text NOT NULL, \"result\" text NOT NULL, \"first_scan\" boolean NOT NULL DEFAULT false, \"device_id\" text, \"nonce\" text, \"scanned_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"scanned_by\" uuid, CONSTRAINT \"PK_c541932aa337b018ae0676603c2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f3124bc03bf31027a4c60d6eb7\" ON \"check_in_scans\" (\"event_id\", \"device_id\", \"nonce\") ");
    await queryRunner.query("CREATE INDEX \"IDX_14e8125f6e5d5bec3a5f2b88a2\" ON \"check_in_scans\" (\"event_id\", \"scanned_at\") ");
    await queryRunner.query("ALTER TABLE \"session_signups\" ADD \"roster_version\" bigint NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"registrations\" ADD \"roster_version\" bigint NOT NULL DEFAULT '0'");
    // The desks' roster delta: every write of a registration or a sign-up takes the next version.
    await queryRunner.query('CREATE SEQUENCE "registration_roster_seq"');
    await queryRunner.query(
      `CREATE FUNCTION "registration_roster_version"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.roster_version := nextval('registration_roster_seq'); RETURN NEW; END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER "registrations_roster_version" BEFORE INSERT OR UPDATE ON "registrations" FOR EACH ROW EXECUTE FUNCTION "registration_roster_version"()',
    );
    await queryRunner.query(
      'CREATE TRIGGER "session_signups_roster_version" BEFORE INSERT OR UPDATE ON "session_signups" FOR EACH ROW EXECUTE FUNCTION "registration_roster_version"()',
    );
    await queryRunner.query('CREATE INDEX "registrations_roster" ON "registrations" ("event_id", "roster_version")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "registrations_roster"');
    await queryRunner.query('DROP TRIGGER "session_signups_roster_version" ON "session_signups"');
    await queryRunner.query('DROP TRIGGER "registrations_roster_version" ON "registrations"');
    await queryRunner.query('DROP FUNCTION "registration_roster_version"()');
    await queryRunner.query('DROP SEQUENCE "registration_roster_seq"');
    await queryRunner.query("ALTER TABLE \"registrations\" DROP COLUMN \"roster_version\"");
    await queryRunner.query("ALTER TABLE \"session_signups\" DROP COLUMN \"roster_version\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_14e8125f6e5d5bec3a5f2b88a2\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f3124bc03bf31027a4c60d6eb7\"");
    await queryRunner.query("DROP TABLE \"check_in_scans\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a64d05236cd4b4e0e68c32b4ce\"");
    await queryRunner.query("DROP TABLE \"check_ins\"");
  }
}
