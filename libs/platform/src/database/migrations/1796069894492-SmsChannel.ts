import { SqlMigration } from '../sql-migration';

export class SmsChannel1796069894492 extends SqlMigration {
  name = 'SmsChannel1796069894492';

  upSql = [
    "CREATE TABLE \"sms_counters\" (\"key\" text NOT NULL, \"window_start\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used\" integer NOT NULL DEFAULT '0', \"refused\" integer NOT NULL DEFAULT '0', \"window_end\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_eb84bc55fc090c7e5112c4d67bf\" PRIMARY KEY (\"key\", \"window_start\"))",
    "CREATE TABLE \"registration_sms_codes\" (\"id\" uuid NOT NULL, \"registration_id\" uuid NOT NULL, \"code_hash\" text NOT NULL, \"attempts\" integer NOT NULL DEFAULT '0', \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_56d1b87a392ede8f73804c6f911\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_a1b72d9a152180581727acd5f4\" ON \"registration_sms_codes\" (\"registration_id\") ",
    "ALTER TABLE \"outbox_messages\" ADD \"channel\" text NOT NULL DEFAULT 'email'",
    "ALTER TABLE \"outbox_messages\" ADD \"segments\" integer",
    "ALTER TABLE \"outbox_messages\" ADD \"provider_message_id\" text",
    "ALTER TABLE \"outbox_messages\" ADD \"delivery_status\" text",
    "ALTER TABLE \"outbox_messages\" ADD \"delivery_reported_at\" TIMESTAMP WITH TIME ZONE",
    "CREATE INDEX \"outbox_messages_provider_id\" ON \"outbox_messages\" (\"provider_message_id\") WHERE \"provider_message_id\" IS NOT NULL",
    "ALTER TABLE \"outbox_messages\" ADD CONSTRAINT \"outbox_messages_channel_known\" CHECK (\"channel\" IN ('email', 'sms'))",
  ];

  downSql = [
    "ALTER TABLE \"outbox_messages\" DROP CONSTRAINT \"outbox_messages_channel_known\"",
    "DROP INDEX \"public\".\"outbox_messages_provider_id\"",
    "ALTER TABLE \"outbox_messages\" DROP COLUMN \"delivery_reported_at\"",
    "ALTER TABLE \"outbox_messages\" DROP COLUMN \"delivery_status\"",
    "ALTER TABLE \"outbox_messages\" DROP COLUMN \"provider_message_id\"",
    "ALTER TABLE \"outbox_messages\" DROP COLUMN \"segments\"",
    "ALTER TABLE \"outbox_messages\" DROP COLUMN \"channel\"",
    "DROP INDEX \"public\".\"IDX_a1b72d9a152180581727acd5f4\"",
    "DROP TABLE \"registration_sms_codes\"",
    "DROP TABLE \"sms_counters\"",
  ];
}
