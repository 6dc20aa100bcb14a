import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** An arbitrary, fixed key: every Palabre process migrating the same database takes this lock. */
const MIGRATION_LOCK = 72_407_311;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so several processes starting
 * at once (api and worker containers) migrate once and in order.
 */
export async function runMigrations(dataSource: DataSource, logger = new Logger('Migrations')): Promise<string[]> {
  return withAdvisoryLock(dataSource, MIGRATION_LOCK, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const m of applied) logger.log(`applied ${m.name}`);
    return applied.map((m) => m.name);
  });
}

/** Holds a session-level advisory lock on its own connection while `work` runs. */
export async function withAdvisoryLock<T>(dataSource: DataSource, key: number, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await runner.release();
  }
}

/** The SQL a migration would need to bring the schema to the entities; empty when in step. */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}
