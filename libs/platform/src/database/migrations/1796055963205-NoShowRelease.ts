import { SqlMigration } from '../sql-migration';

export class NoShowRelease1796055963205 extends SqlMigration {
  name = 'NoShowRelease1796055963205';

  upSql = [
    "CREATE TABLE \"no_show_releases\" (\"session_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"released_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"seats\" integer NOT NULL, \"promoted\" integer NOT NULL, CONSTRAINT \"PK_fd516260fb2ab01fb2c187682da\" PRIMARY KEY (\"session_id\"))",
    "ALTER TABLE \"events\" ADD \"no_show_release_minutes\" integer",
  ];

  downSql = [
    "ALTER TABLE \"events\" DROP COLUMN \"no_show_release_minutes\"",
    "DROP TABLE \"no_show_releases\"",
  ];
}
