import { SqlMigration } from '../sql-migration';

export class SpeakerAccount1795940888819 extends SqlMigration {
  name = 'SpeakerAccount1795940888819';

  upSql = [
    "ALTER TABLE \"speakers\" ADD \"user_id\" uuid",
    "ALTER TABLE \"speakers\" ADD \"invited_at\" TIMESTAMP WITH TIME ZONE",
    "CREATE INDEX \"speakers_user\" ON \"speakers\" (\"user_id\") ",
  ];

  downSql = [
    "DROP INDEX \"public\".\"speakers_user\"",
    "ALTER TABLE \"speakers\" DROP COLUMN \"invited_at\"",
    "ALTER TABLE \"speakers\" DROP COLUMN \"user_id\"",
  ];
}
