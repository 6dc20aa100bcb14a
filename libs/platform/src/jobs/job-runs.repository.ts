import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How a run may start when the job is not due yet. */
export type ClaimForce =
  /** Only when due. */
  | 'none'
  /** A poke: now, unless the job is waiting out a failure's backoff. */
  | 'unless-failing'
  /** An explicit drain: now, whatever the schedule. */
  | 'always';

export interface ClaimRefused {
  /** Another runner holds the job's lease. */
  busy: boolean;
  /** Until the job is due. */
  waitMs: number;
  /** When it last succeeded, anywhere (seconds since the epoch), null if never. */
  lastSuccess: number | null;
  consecutiveFailures: number;
}

/**
 * The `job_runs` rows, in single statements outside any transaction (on the embedded database
 * a statement issued beside an open transaction would wait for it: the runner never holds one).
 * Timestamps come from the database's clock, so processes on several machines agree on "due".
 */
@Injectable()
export class JobRunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether every connection shares one session (PGlite): advisory locks cannot tell runners apart there. */
  async sharesOneSession(): Promise<boolean> {
    const [row] = await this.dataSource.query<{ pglite: boolean }[]>(`SELECT version() LIKE '%PGlite%' AS pglite`);
    return row?.pglite === true;
  }

  /** The job's row, due at once when new. */
  async ensure(name: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO job_runs (name, next_run_at) VALUES ($1, clock_timestamp()) ON CONFLICT (name) DO NOTHING`, [name]);
  }

  /**
   * Marks the job as run by `owner` if it is due (or forced) and nobody else holds its lease
   * (or `lockHeld`: the caller's advisory lock already proves nobody else runs it). One
   * guarded UPDATE, so two runners never both succeed.
   */
  async claim(name: string, owner: string, options: { leaseMs: number; lockHeld: boolean; force: ClaimForce }): Promise<true | ClaimRefused> {
    const [rows] = await this.dataSource.query<[{ name: string }[], number]>(
      `UPDATE job_runs
          SET running_by = $2, running_until = clock_timestamp() + make_interval(secs => $3::float8 / 1000), last_started_at = clock_timestamp()
        WHERE name = $1
          AND ($4::boolean OR running_until IS NULL OR running_until < clock_timestamp() OR running_by = $2)
          AND (next_run_at <= clock_timestamp() OR $5::text = 'always' OR ($5::text = 'unless-failing' AND consecutive_failures = 0))
        RETURNING name`,
      [name, owner, options.leaseMs, options.lockHeld, options.force],
    );
    if (rows.length > 0) return true;
    const [state] = await this.dataSource.query<{ busy: boolean; wait_ms: number; last_success: number | null; consecutive_failures: number }[]>(
      `SELECT (running_until IS NOT NULL AND running_until >= clock_timestamp() AND running_by <> $2) AS busy,
              GREATEST(0, EXTRACT(EPOCH FROM (next_run_at - clock_timestamp())) * 1000)::float8 AS wait_ms,
              EXTRACT(EPOCH FROM last_succeeded_at)::float8 AS last_success,
              consecutive_failures
         FROM job_runs WHERE name = $1`,
      [name, owner],
    );
    return {
      busy: state?.busy ?? false,
      waitMs: state?.wait_ms ?? 0,
      lastSuccess: state?.last_success ?? null,
      consecutiveFailures: state?.consecutive_failures ?? 0,
    };
  }

  /** Extends the lease of a run that goes on. False when the lease was lost (another runner took the job over). */
  async renew(name: string, owner: string, leaseMs: number): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE job_runs SET running_until = clock_timestamp() + make_interval(secs => $3::float8 / 1000) WHERE name = $1 AND running_by = $2`,
      [name, owner, leaseMs],
    );
    return affected > 0;
  }

  /** Ends a successful run: due again in `nextInMs`. The last success's time, or null when the run was no longer ours. */
  async succeeded(name: string, owner: string, nextInMs: number): Promise<number | null> {
    const [rows] = await this.dataSource.query<[{ last_success: number }[], number]>(
      `UPDATE job_runs
          SET running_by = NULL, running_until = NULL, last_finished_at = clock_timestamp(), last_succeeded_at = clock_timestamp(),
              consecutive_failures = 0, last_error = NULL, runs = runs + 1,
              next_run_at = clock_timestamp() + make_interval(secs => $3::float8 / 1000)
        WHERE name = $1 AND running_by = $2
        RETURNING EXTRACT(EPOCH FROM last_succeeded_at)::float8 AS last_success`,
      [name, owner, nextInMs],
    );
    return rows[0]?.last_success ?? null;
  }

  /**
   * Ends a failed run: due again after `baseMs` doubled by each failure in a row, at most
   * `maxMs`. Kept in the row, so a restart waits the backoff out too.
   */
  async failed(
    name: string,
    owner: string,
    error: string,
    retry: { baseMs: number; maxMs: number },
  ): Promise<{ consecutiveFailures: number; retryInMs: number } | null> {
    const [rows] = await this.dataSource.query<[{ consecutive_failures: number; retry_in_ms: number }[], number]>(
      `UPDATE job_runs
          SET running_by = NULL, running_until = NULL, last_finished_at = clock_timestamp(), last_failed_at = clock_timestamp(),
              last_error = $3, runs = runs + 1, failures = failures + 1,
              next_run_at = clock_timestamp() + make_interval(secs => LEAST($5::float8, $4::float8 * power(2, consecutive_failures)) / 1000),
              consecutive_failures = consecutive_failures + 1
        WHERE name = $1 AND running_by = $2
        RETURNING consecutive_failures, GREATEST(0, EXTRACT(EPOCH FROM (next_run_at - clock_timestamp())) * 1000)::float8 AS retry_in_ms`,
      [name, owner, error.slice(0, 500), retry.baseMs, retry.maxMs],
    );
    const row = rows[0];
    return row ? { consecutiveFailures: row.consecutive_failures, retryInMs: row.retry_in_ms } : null;
  }
}
