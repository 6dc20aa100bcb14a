import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One statement of a migration; parameters only where TypeORM generated some (its own metadata table). */
export type SqlStatement = string | { query: string; parameters: unknown[] };

/**
 * A migration written as its SQL: the statements `upSql` runs in order, and those `downSql` runs
 * to undo them. `npm run db:generate` writes each new migration in this form.
 */
export abstract class SqlMigration implements MigrationInterface {
  abstract readonly name: string;
  protected abstract readonly upSql: readonly SqlStatement[];
  protected abstract readonly downSql: readonly SqlStatement[];

  async up(queryRunner: QueryRunner): Promise<void> {
    await run(queryRunner, this.upSql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await run(queryRunner, this.downSql);
  }
}

async function run(queryRunner: QueryRunner, statements: readonly SqlStatement[]): Promise<void> {
  for (const s of statements) await (typeof s === 'string' ? queryRunner.query(s) : queryRunner.query(s.query, s.parameters));
}
