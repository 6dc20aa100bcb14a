import { MigrationInterface, QueryRunner } from 'typeorm';

export class SpeakerAnswersAndImports1796054461264 implements MigrationInterface {
  name = 'SpeakerAnswersAndImports1796054461264';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"speaker_imports\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"created_by\" uuid, \"status\" text NOT NULL DEFAULT 'previewed', \"rows\" jsonb NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"created\" integer, CONSTRAINT \"speaker_imports_status_known\" CHECK (\"status\" IN ('previewed', 'committed', 'cancelled')), CONSTRAINT \"PK_bcf864f1104589e108d7933434f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"speaker_imports_event\" ON \"speaker_imports\" (\"organization_id\", \"event_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"events\" ADD \"speaker_reminder_days\" integer NOT NULL DEFAULT '3'");
    await queryRunner.query("ALTER TABLE \"events\" ADD \"speaker_reminder_max\" integer NOT NULL DEFAULT '2'");
    // Roles placed before answers existed were arranged by the organizers themselves: they count as
    // accepted (with no answer time), so that no reminder goes to people who already agreed by
    // phone and the program grid does not suddenly show everyone as « not answered ». New roles are asked.
    await queryRunner.query("ALTER TABLE \"program_session_people\" ADD \"answer\" text NOT NULL DEFAULT 'accepted'");
    await queryRunner.query("ALTER TABLE \"program_session_people\" ALTER COLUMN \"answer\" SET DEFAULT 'invited'");
    await queryRunner.query("ALTER TABLE \"program_session_people\" ADD \"answer_note\" text");
    await queryRunner.query("ALTER TABLE \"program_session_people\" ADD \"answered_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"program_session_people\" ADD \"asked_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()");
    await queryRunner.query("ALTER TABLE \"program_session_people\" ADD \"reminders_sent\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"program_session_people\" ADD \"reminded_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"program_session_people\" ADD \"answer_reported_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"program_session_people\" ADD CONSTRAINT \"program_session_people_answer_known\" CHECK (\"answer\" IN ('invited', 'accepted', 'declined'))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"program_session_people\" DROP CONSTRAINT \"program_session_people_answer_known\"");
    await queryRunner.query("ALTER TABLE \"program_session_people\" DROP COLUMN \"answer_reported_at\"");
    await queryRunner.query("ALTER TABLE \"program_session_people\" DROP COLUMN \"reminded_at\"");
    await queryRunner.query("ALTER TABLE \"program_session_people\" DROP COLUMN \"reminders_sent\"");
    await queryRunner.query("ALTER TABLE \"program_session_people\" DROP COLUMN \"asked_at\"");
    await queryRunner.query("ALTER TABLE \"program_session_people\" DROP COLUMN \"answered_at\"");
    await queryRunner.query("ALTER TABLE \"program_session_people\" DROP COLUMN \"answer_note\"");
    await queryRunner.query("ALTER TABLE \"program_session_people\" DROP COLUMN \"answer\"");
    await queryRunner.query("ALTER TABLE \"events\" DROP COLUMN \"speaker_reminder_max\"");
    await queryRunner.query("ALTER TABLE \"events\" DROP COLUMN \"speaker_reminder_days\"");
    await queryRunner.query("DROP INDEX \"public\".\"speaker_imports_event\"");
    await queryRunner.query("DROP TABLE \"speaker_imports\"");
  }
}
