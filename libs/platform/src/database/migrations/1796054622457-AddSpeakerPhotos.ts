import { SqlMigration } from '../sql-migration';

export class AddSpeakerPhotos1796054622457 extends SqlMigration {
  name = 'AddSpeakerPhotos1796054622457';

  upSql = [
    "ALTER TABLE \"speakers\" ADD \"photo\" jsonb",
  ];

  downSql = [
    "ALTER TABLE \"speakers\" DROP COLUMN \"photo\"",
  ];
}
