import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig, Statement } from '@palabre/platform';
import { returned } from '../rows';

/** The event's own seats. */
export const EVENT_POOL = 'event';
/** A workshop's seats. */
export const sessionPool = (sessionId: string) => `session:${sessionId}`;

export interface PoolRef {
  organizationId: string;
  eventId: string;
  pool: string;
  /** The capacity to check against now (the event's, the released session's); null: no limit. */
  capacity: number | null;
}

/**
 * Seats, taken and given back by single guarded statements in the caller's transaction (rule
 * 1): the row lock of the pool's UPDATE orders concurrent takers, and each one re-checks
 * `taken < capacity` on the row as the previous one left it — in any number of processes.
 */
@Injectable()
export class SeatPools {
  private readonly guarded: boolean;

  constructor(config: AppConfig) {
    // Negative control only (NODE_ENV=test): count, then write — the oversell the guard prevents.
    this.guarded = config.locks('registration-seats');
  }

  /** Whether a seat is taken by the statement itself (not, as in the negative control, read then written before it). */
  get takenByStatement(): boolean {
    return this.guarded;
  }

  /** Takes one seat if one is left; false when the pool is full. */
  async take(manager: EntityManager, ref: PoolRef): Promise<boolean> {
    if (ref.capacity !== null && ref.capacity <= 0) return false;
    if (!this.guarded) return this.takeUnguarded(manager, ref);
    const rows = await manager.query<unknown[]>(
      `INSERT INTO seat_pools AS p (event_id, pool, organization_id, capacity, taken) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (event_id, pool) DO UPDATE SET taken = p.taken + 1, capacity = EXCLUDED.capacity
       WHERE EXCLUDED.capacity IS NULL OR p.taken < EXCLUDED.capacity
       RETURNING p.taken`,
      [ref.eventId, ref.pool, ref.organizationId, ref.capacity],
    );
    return rows.length === 1;
  }

  /**
   * Takes one seat if one is left and, in the same statement, runs `then`: the rest of a `WITH`
   * (its parameters numbered from $1; it may begin with more CTEs, `, name AS (…)`) that reads
   * the CTE `seat` — one row when the seat was taken, none when the pool is full. The pool's row
   * lock is taken here and held until commit: a caller keeps what follows this statement short.
   */
  async takeWith<T>(manager: EntityManager, ref: PoolRef, then: Statement): Promise<T[]> {
    const statement = await this.takeStatement(manager, ref, then);
    return returned<T>(await manager.query(statement.sql, statement.params));
  }

  /**
   * `takeWith` as a statement for the caller to send (the last of a transaction, with its
   * COMMIT: `transactionEndingWith`). Without the guard (the negative control) the seat is taken
   * here, read then written, and the statement only settles.
   */
  async takeStatement(manager: EntityManager, ref: PoolRef, then: Statement, forRegistration?: string): Promise<Statement> {
    const after = (shift: number) => then.sql.replace(/\$(\d+)/g, (_, d: string) => `$${Number(d) + shift}`);
    if ((ref.capacity !== null && ref.capacity <= 0) || !this.guarded) {
      if (forRegistration && !this.guarded) throw new Error('without its guard a seat is taken before the statement runs: write the registration first');
      const seat = ref.capacity !== null && ref.capacity <= 0 ? false : await this.takeUnguarded(manager, ref);
      return { sql: `WITH seat AS (SELECT 1 WHERE $1::boolean) ${after(1)}`, params: [seat, ...then.params] };
    }
    if (forRegistration) {
      // Sent in the same pipeline as the registration's row, which may not have been written (a duplicate): no row, no seat.
      return {
        sql: `WITH seat AS (
             INSERT INTO seat_pools AS p (event_id, pool, organization_id, capacity, taken)
             SELECT $1::uuid, $2::text, $3::uuid, $4::int, 1 WHERE EXISTS (SELECT 1 FROM registrations WHERE id = $5::uuid)
             ON CONFLICT (event_id, pool) DO UPDATE SET taken = p.taken + 1, capacity = EXCLUDED.capacity
             WHERE EXCLUDED.capacity IS NULL OR p.taken < EXCLUDED.capacity
             RETURNING p.taken)
           ${after(5)}`,
        params: [ref.eventId, ref.pool, ref.organizationId, ref.capacity, forRegistration, ...then.params],
      };
    }
    return {
      sql: `WITH seat AS (
           INSERT INTO seat_pools AS p (event_id, pool, organization_id, capacity, taken) VALUES ($1, $2, $3, $4, 1)
           ON CONFLICT (event_id, pool) DO UPDATE SET taken = p.taken + 1, capacity = EXCLUDED.capacity
           WHERE EXCLUDED.capacity IS NULL OR p.taken < EXCLUDED.capacity
           RETURNING p.taken)
         ${after(4)}`,
      params: [ref.eventId, ref.pool, ref.organizationId, ref.capacity, ...then.params],
    };
  }

  /** Gives one seat back. */
  async release(manager: EntityManager, eventId: string, pool: string): Promise<void> {
    await manager.query(`UPDATE seat_pools SET taken = taken - 1 WHERE event_id = $1 AND pool = $2 AND taken > 0`, [eventId, pool]);
  }

  /** Seats taken in a pool (0 when none was ever taken). */
  async taken(eventId: string, pool: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query<{ taken: number }[]>(`SELECT taken FROM seat_pools WHERE event_id = $1 AND pool = $2`, [eventId, pool]);
    return row?.taken ?? 0;
  }

  /** Seats taken in each of an event's pools. */
  async takenByPool(eventId: string, manager: EntityManager): Promise<Map<string, number>> {
    const rows = await manager.query<{ pool: string; taken: number }[]>(`SELECT pool, taken FROM seat_pools WHERE event_id = $1`, [eventId]);
    return new Map(rows.map((r) => [r.pool, r.taken]));
  }

  private async takeUnguarded(manager: EntityManager, ref: PoolRef): Promise<boolean> {
    const taken = await this.taken(ref.eventId, ref.pool, manager);
    if (ref.capacity !== null && taken >= ref.capacity) return false;
    await manager.query(
      `INSERT INTO seat_pools AS p (event_id, pool, organization_id, capacity, taken) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (event_id, pool) DO UPDATE SET taken = p.taken + 1, capacity = EXCLUDED.capacity`,
      [ref.eventId, ref.pool, ref.organizationId, ref.capacity],
    );
    return true;
  }
}
