import { SqlMigration } from '../sql-migration';

export class OutboxClaim1795938419421 extends SqlMigration {
  name = 'OutboxClaim1795938419421';

  upSql = [
    "ALTER TABLE \"outbox_messages\" ADD \"claimed_by\" text",
  ];

  downSql = [
    "ALTER TABLE \"outbox_messages\" DROP COLUMN \"claimed_by\"",
  ];
}
