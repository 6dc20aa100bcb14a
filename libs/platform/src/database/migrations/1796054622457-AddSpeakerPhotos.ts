import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSpeakerPhotos1796054622457 implements MigrationInterface {
  name = 'AddSpeakerPhotos1796054622457';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"speakers\" ADD \"photo\" jsonb");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"speakers\" DROP COLUMN \"photo\"");
  }
}
