import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxClaim1795938419421 implements MigrationInterface {
  name = 'OutboxClaim1795938419421';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"outbox_messages\" ADD \"claimed_by\" text");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"outbox_messages\" DROP COLUMN \"claimed_by\"");
  }
}
