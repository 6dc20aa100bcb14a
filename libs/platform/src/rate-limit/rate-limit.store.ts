import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface CounterState {
  /** Hits in the current window, this one included. */
  hits: number;
  /** When the current window ends (and the counter starts again). */
  resetAt: Date;
}

/**
 * Where counters live: somewhere every api process sees, so that N processes behind a load
 * balancer do not allow N times the limit.
 */
export abstract class RateLimitStore {
  /** Counts one hit for `key` and returns the window's state, atomically. */
  abstract hit(key: string, windowMs: number, now: Date): Promise<CounterState>;
  /** Takes one hit back from `key`'s current window (never below zero, never an ended window's). */
  abstract forgive(key: string, now: Date): Promise<void>;
  /** Forgets counters whose window ended before `now`; returns how many. */
  abstract sweep(now: Date, batch: number): Promise<number>;
}

/**
 * Counters in PostgreSQL: one `INSERT … ON CONFLICT … DO UPDATE … RETURNING` per hit, so
 * concurrent hits from any number of processes are each counted once, with no read-then-write.
 */
@Injectable()
export class PostgresRateLimitStore extends RateLimitStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async hit(key: string, windowMs: number, now: Date): Promise<CounterState> {
    const rows = await this.dataSource.query<{ hits: number; window_ends_at: Date }[]>(
      `INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.window_ends_at <= $3 THEN 1 ELSE c.hits + 1 END,
         window_ends_at = CASE WHEN c.window_ends_at <= $3 THEN EXCLUDED.window_ends_at ELSE c.window_ends_at END
       RETURNING hits, window_ends_at`,
      [key, new Date(now.getTime() + windowMs), now],
    );
    return { hits: Number(rows[0].hits), resetAt: new Date(rows[0].window_ends_at) };
  }

  async forgive(key: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE rate_limit_counters SET hits = hits - 1 WHERE key = $1 AND hits > 0 AND window_ends_at > $2`, [key, now]);
  }

  async sweep(now: Date, batch: number): Promise<number> {
    // TypeORM answers a DELETE with [rows, affected].
    const [, affected] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM rate_limit_counters WHERE key IN (SELECT key FROM rate_limit_counters WHERE window_ends_at < $1 LIMIT $2)`,
      [now, batch],
    );
    return affected;
  }
}
