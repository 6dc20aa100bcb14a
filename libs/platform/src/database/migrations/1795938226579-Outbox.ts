import { SqlMigration } from '../sql-migration';

export class Outbox1795938226579 extends SqlMigration {
  name = 'Outbox1795938226579';

  upSql = [
    "CREATE TABLE \"outbox_messages\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"template\" text NOT NULL, \"locale\" text NOT NULL, \"recipient\" text NOT NULL, \"data\" jsonb NOT NULL, \"dedupe_key\" text, \"message_id\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'queued', \"attempts\" integer NOT NULL DEFAULT '0', \"next_attempt_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"lease_until\" TIMESTAMP WITH TIME ZONE, \"last_error\" text, \"response\" text, \"sent_at\" TIMESTAMP WITH TIME ZONE, \"organization_id\" uuid, \"event_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_592113dbdc26ec3d5e1596db17f\" UNIQUE (\"dedupe_key\"), CONSTRAINT \"UQ_4bdcc4c9acf6fbe08f0f202bf9c\" UNIQUE (\"message_id\"), CONSTRAINT \"outbox_messages_status_known\" CHECK (\"status\" IN ('queued', 'sending', 'sent', 'failed')), CONSTRAINT \"PK_0171348f527c64b137e4d4f5b66\" PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"IDX_10a535c241a8c615afc4f4b2df\" ON \"outbox_messages\" (\"recipient\") ",
    "CREATE INDEX \"IDX_8da64604028eb453ad6e1799b3\" ON \"outbox_messages\" (\"organization_id\") ",
    "CREATE INDEX \"outbox_messages_due\" ON \"outbox_messages\" (\"status\", \"next_attempt_at\") ",
  ];

  downSql = [
    "DROP INDEX \"public\".\"outbox_messages_due\"",
    "DROP INDEX \"public\".\"IDX_8da64604028eb453ad6e1799b3\"",
    "DROP INDEX \"public\".\"IDX_10a535c241a8c615afc4f4b2df\"",
    "DROP TABLE \"outbox_messages\"",
  ];
}
