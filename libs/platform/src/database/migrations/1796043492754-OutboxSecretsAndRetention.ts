import { SqlMigration } from '../sql-migration';

export class OutboxSecretsAndRetention1796043492754 extends SqlMigration {
  name = 'OutboxSecretsAndRetention1796043492754';

  upSql = [
    "CREATE TABLE \"outbox_sent_counts\" (\"organization_id\" uuid NOT NULL, \"day\" date NOT NULL, \"template\" text NOT NULL, \"sent\" integer NOT NULL, CONSTRAINT \"PK_291411aea0f185a4ce73a7b5085\" PRIMARY KEY (\"organization_id\", \"day\", \"template\"))",
    "ALTER TABLE \"outbox_messages\" ADD \"secret\" jsonb",
    "ALTER TABLE \"outbox_messages\" ADD \"secret_removed_at\" TIMESTAMP WITH TIME ZONE",
    // Added by hand: rows written before this migration hold their sign-in link in data. Mail still
    // to send keeps it apart in secret; mail sent or given up on loses it now.
    "UPDATE \"outbox_messages\" SET \"secret\" = jsonb_build_object('link', \"data\"->'link'), \"data\" = \"data\" - 'link' WHERE \"template\" IN ('auth.magic-link', 'member.invitation', 'speaker.invitation') AND \"data\"->'link' IS NOT NULL AND \"status\" IN ('queued', 'sending')",
    "UPDATE \"outbox_messages\" SET \"data\" = \"data\" - 'link', \"secret_removed_at\" = now() WHERE \"template\" IN ('auth.magic-link', 'member.invitation', 'speaker.invitation') AND \"data\"->'link' IS NOT NULL AND \"status\" IN ('sent', 'failed')",
  ];

  downSql = [
    "UPDATE \"outbox_messages\" SET \"data\" = \"data\" || \"secret\" WHERE \"secret\" IS NOT NULL",
    "ALTER TABLE \"outbox_messages\" DROP COLUMN \"secret_removed_at\"",
    "ALTER TABLE \"outbox_messages\" DROP COLUMN \"secret\"",
    "DROP TABLE \"outbox_sent_counts\"",
  ];
}
