import { MigrationInterface, QueryRunner } from 'typeorm';

export class NoShowRelease1796055963205 implements MigrationInterface {
  name = 'NoShowRelease1796055963205';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"no_show_releases\" (\"session_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"released_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"seats\" integer NOT NULL, \"promoted\" integer NOT NULL, CONSTRAINT \"PK_fd516260fb2ab01fb2c187682da\" PRIMARY KEY (\"session_id\"))");
    await queryRunner.query("ALTER TABLE \"events\" ADD \"no_show_release_minutes\" integer");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"events\" DROP COLUMN \"no_show_release_minutes\"");
    await queryRunner.query("DROP TABLE \"no_show_releases\"");
  }
}
