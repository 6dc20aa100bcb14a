import { SqlMigration } from '../sql-migration';

export class Registration1796053630249 extends SqlMigration {
  name = 'Registration1796053630249';

  upSql = [
    "CREATE TABLE \"session_signups\" (\"registration_id\" uuid NOT NULL, \"session_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"status\" text NOT NULL, \"waitlist_seq\" bigint, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"session_signups_waitlist_by_status\" CHECK ((\"status\" = 'waitlisted') = (\"waitlist_seq\" IS NOT NULL)), CONSTRAINT \"session_signups_status_known\" CHECK (\"status\" IN ('signed_up', 'waitlisted')), CONSTRAINT \"PK_4bb124ec6350812c5ab1d2e5808\" PRIMARY KEY (\"registration_id\", \"session_id\"))",
    "CREATE INDEX \"IDX_2024d72607ef7ac866a87069b8\" ON \"session_signups\" (\"session_id\", \"status\", \"waitlist_seq\") ",
    "CREATE TABLE \"registrations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"reference\" text NOT NULL, \"status\" text NOT NULL, \"holds_seat\" boolean NOT NULL DEFAULT false, \"hold_expires_at\" TIMESTAMP WITH TIME ZONE, \"waitlist_seq\" bigint, \"first_name\" text NOT NULL, \"last_name\" text NOT NULL, \"email\" text, \"phone\" text, \"organization\" text NOT NULL DEFAULT '', \"organization_type\" text, \"gender\" text, \"age_group\" text, \"region\" text, \"answers\" jsonb NOT NULL DEFAULT '{}', \"locale\" text NOT NULL DEFAULT 'fr', \"consent_text\" jsonb, \"consented_at\" TIMESTAMP WITH TIME ZONE, \"confirmed_at\" TIMESTAMP WITH TIME ZONE, \"cancelled_at\" TIMESTAMP WITH TIME ZONE, \"ticket_code\" text NOT NULL, \"source\" text NOT NULL DEFAULT 'online', \"erased_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"UQ_043b259f52b1411d07c570874a2\" UNIQUE (\"reference\"), CONSTRAINT \"UQ_3a1306695fcb79656da6d7cca3e\" UNIQUE (\"ticket_code\"), CONSTRAINT \"registrations_waitlist_by_status\" CHECK ((\"status\" = 'waitlisted') = (\"waitlist_seq\" IS NOT NULL)), CONSTRAINT \"registrations_seat_by_status\" CHECK (NOT \"holds_seat\" OR \"status\" IN ('pending', 'confirmed')), CONSTRAINT \"registrations_status_known\" CHECK (\"status\" IN ('pending', 'confirmed', 'waitlisted', 'cancelled', 'expired')), CONSTRAINT \"PK_6013e724d7b22929da9cd7282d1\" PRIMARY KEY (\"id\"))",
    // Rule 3 (one registration per person and event) among those that still count; written by
    // hand (TypeORM cannot declare a partial index on an expression): the entity names them with synchronize: false.
    "CREATE UNIQUE INDEX \"registrations_email_once\" ON \"registrations\" (\"event_id\", lower(\"email\")) WHERE \"status\" IN ('pending', 'confirmed', 'waitlisted') AND \"email\" IS NOT NULL",
    "CREATE UNIQUE INDEX \"registrations_phone_once\" ON \"registrations\" (\"event_id\", \"phone\") WHERE \"status\" IN ('pending', 'confirmed', 'waitlisted') AND \"phone\" IS NOT NULL",
    "CREATE INDEX \"registrations_holds_due\" ON \"registrations\" (\"hold_expires_at\") WHERE \"status\" = 'pending'",
    // First come, first served: the order of the waiting lists (the event's and each workshop's).
    'CREATE SEQUENCE "registration_waitlist_seq"',
    "CREATE INDEX \"IDX_b8dfd1de9a6122f5f2c14f553a\" ON \"registrations\" (\"organization_id\", \"event_id\", \"created_at\") ",
    "CREATE INDEX \"IDX_4b31aabeb416d1a006a59ab785\" ON \"registrations\" (\"event_id\", \"status\", \"waitlist_seq\") ",
    "CREATE TABLE \"registration_tokens\" (\"token_hash\" text NOT NULL, \"registration_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_16b5dac37db33afe5a290d8da21\" PRIMARY KEY (\"token_hash\"))",
    "CREATE INDEX \"IDX_4dc84af418800fe312ce6083f5\" ON \"registration_tokens\" (\"registration_id\") ",
    "CREATE TABLE \"seat_pools\" (\"event_id\" uuid NOT NULL, \"pool\" text NOT NULL, \"organization_id\" uuid NOT NULL, \"capacity\" integer, \"taken\" integer NOT NULL DEFAULT '0', CONSTRAINT \"seat_pools_taken_positive\" CHECK (\"taken\" >= 0), CONSTRAINT \"PK_188f64d084e1d905e4c476b18cd\" PRIMARY KEY (\"event_id\", \"pool\"))",
    "CREATE TABLE \"idempotency_keys\" (\"scope\" text NOT NULL, \"key\" text NOT NULL, \"request_hash\" text NOT NULL, \"status_code\" integer, \"response\" jsonb, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"completed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_15de2f76fa9f27ad8f330983607\" PRIMARY KEY (\"scope\", \"key\"))",
    "CREATE INDEX \"IDX_5e72f040fdc5efc8eef52a388c\" ON \"idempotency_keys\" (\"created_at\") ",
    "CREATE TABLE \"registration_history\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"registration_id\" uuid NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"action\" text NOT NULL, \"actor\" text NOT NULL, \"details\" jsonb NOT NULL DEFAULT '{}', CONSTRAINT \"PK_7102a0b889947d4bce09d55d83a\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_d79694299c260d083ba95ba768\" ON \"registration_history\" (\"registration_id\", \"at\") ",
  ];

  downSql = [
    "DROP INDEX \"public\".\"IDX_d79694299c260d083ba95ba768\"",
    "DROP TABLE \"registration_history\"",
    "DROP INDEX \"public\".\"IDX_5e72f040fdc5efc8eef52a388c\"",
    "DROP TABLE \"idempotency_keys\"",
    "DROP TABLE \"seat_pools\"",
    "DROP INDEX \"public\".\"IDX_4dc84af418800fe312ce6083f5\"",
    "DROP TABLE \"registration_tokens\"",
    "DROP INDEX \"public\".\"IDX_4b31aabeb416d1a006a59ab785\"",
    "DROP INDEX \"public\".\"IDX_b8dfd1de9a6122f5f2c14f553a\"",
    'DROP SEQUENCE "registration_waitlist_seq"',
    "DROP TABLE \"registrations\"",
    "DROP INDEX \"public\".\"IDX_2024d72607ef7ac866a87069b8\"",
    "DROP TABLE \"session_signups\"",
  ];
}
