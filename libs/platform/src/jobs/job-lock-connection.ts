import { Logger } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';

/** Job locks' key space (the migrations' lock is 72_407_311): `pg_try_advisory_lock(JOB_LOCK_SPACE, hashtext(name))`. */
export const JOB_LOCK_SPACE = 72_407_312;

/**
 * PostgreSQL advisory locks, one per job name, on a connection of the runner's own: taken
 * with a try-lock (a job another process runs is skipped, never waited for), held while the
 * run lasts, and let go by the server when the connection dies — a crashed process holds no
 * job. Never used inside a transaction.
 */
export class JobLockConnection {
  private readonly logger = new Logger('JobRunner');
  private connection?: Promise<QueryRunner>;

  constructor(private readonly dataSource: DataSource) {}

  async tryLock(name: string): Promise<boolean> {
    const [row] = await this.query<{ locked: boolean }[]>(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`, [JOB_LOCK_SPACE, name]);
    return row?.locked === true;
  }

  async unlock(name: string): Promise<void> {
    await this.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [JOB_LOCK_SPACE, name]);
  }

  /** Lets the connection go (and with it any lock still held). */
  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (!connection) return;
    const runner = await connection.catch(() => undefined);
    await runner?.release().catch(() => undefined);
  }

  private async query<T>(sql: string, parameters: unknown[]): Promise<T> {
    this.connection ??= this.connect();
    const runner = await this.connection;
    try {
      return (await runner.query(sql, parameters)) as T;
    } catch (error) {
      // A broken connection took its locks with it: start again on a fresh one.
      this.logger.warn({ err: (error as Error).message }, 'job lock connection failed; reconnecting');
      await this.close();
      throw error;
    }
  }

  private async connect(): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      return runner;
    } catch (error) {
      this.connection = undefined;
      throw error;
    }
  }
}
