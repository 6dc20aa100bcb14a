import { MigrationInterface, QueryRunner } from 'typeorm';

export class SpeakerAccount1795940888819 implements MigrationInterface {
  name = 'SpeakerAccount1795940888819';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"speakers\" ADD \"user_id\" uuid");
    await queryRunner.query("ALTER TABLE \"speakers\" ADD \"invited_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("CREATE INDEX \"speakers_user\" ON \"speakers\" (\"user_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"speakers_user\"");
    await queryRunner.query("ALTER TABLE \"speakers\" DROP COLUMN \"invited_at\"");
    await queryRunner.query("ALTER TABLE \"speakers\" DROP COLUMN \"user_id\"");
  }
}
