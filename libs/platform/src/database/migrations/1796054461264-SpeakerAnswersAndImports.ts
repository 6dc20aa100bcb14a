import { SqlMigration } from '../sql-migration';

export class SpeakerAnswersAndImports1796054461264 extends SqlMigration {
  name = 'SpeakerAnswersAndImports1796054461264';

  upSql = [
    "CREATE TABLE \"speaker_imports\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"created_by\" uuid, \"status\" text NOT NULL DEFAULT 'previewed', \"rows\" jsonb NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"created\" integer, CONSTRAINT \"speaker_imports_status_known\" CHECK (\"status\" IN ('previewed', 'committed', 'cancelled')), CONSTRAINT \"PK_bcf864f1104589e108d7933434f\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"speaker_imports_event\" ON \"speaker_imports\" (\"organization_id\", \"event_id\", \"created_at\") ",
    "ALTER TABLE \"events\" ADD \"speaker_reminder_days\" integer NOT NULL DEFAULT '3'",
    "ALTER TABLE \"events\" ADD \"speaker_reminder_max\" integer NOT NULL DEFAULT '2'",
    // Roles placed before answers existed were arranged by the organizers themselves: they count as
    // accepted (with no answer time), so that no reminder goes to people who already agreed by
    // phone and the program grid does not suddenly show everyone as « not answered ». New roles are asked.
    "ALTER TABLE \"program_session_people\" ADD \"answer\" text NOT NULL DEFAULT 'accepted'",
    "ALTER TABLE \"program_session_people\" ALTER COLUMN \"answer\" SET DEFAULT 'invited'",
    "ALTER TABLE \"program_session_people\" ADD \"answer_note\" text",
    "ALTER TABLE \"program_session_people\" ADD \"answered_at\" TIMESTAMP WITH TIME ZONE",
    "ALTER TABLE \"program_session_people\" ADD \"asked_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()",
    "ALTER TABLE \"program_session_people\" ADD \"reminders_sent\" integer NOT NULL DEFAULT '0'",
    "ALTER TABLE \"program_session_people\" ADD \"reminded_at\" TIMESTAMP WITH TIME ZONE",
    "ALTER TABLE \"program_session_people\" ADD \"answer_reported_at\" TIMESTAMP WITH TIME ZONE",
    "ALTER TABLE \"program_session_people\" ADD CONSTRAINT \"program_session_people_answer_known\" CHECK (\"answer\" IN ('invited', 'accepted', 'declined'))",
  ];

  downSql = [
    "ALTER TABLE \"program_session_people\" DROP CONSTRAINT \"program_session_people_answer_known\"",
    "ALTER TABLE \"program_session_people\" DROP COLUMN \"answer_reported_at\"",
    "ALTER TABLE \"program_session_people\" DROP COLUMN \"reminded_at\"",
    "ALTER TABLE \"program_session_people\" DROP COLUMN \"reminders_sent\"",
    "ALTER TABLE \"program_session_people\" DROP COLUMN \"asked_at\"",
    "ALTER TABLE \"program_session_people\" DROP COLUMN \"answered_at\"",
    "ALTER TABLE \"program_session_people\" DROP COLUMN \"answer_note\"",
    "ALTER TABLE \"program_session_people\" DROP COLUMN \"answer\"",
    "ALTER TABLE \"events\" DROP COLUMN \"speaker_reminder_max\"",
    "ALTER TABLE \"events\" DROP COLUMN \"speaker_reminder_days\"",
    "DROP INDEX \"public\".\"speaker_imports_event\"",
    "DROP TABLE \"speaker_imports\"",
  ];
}
