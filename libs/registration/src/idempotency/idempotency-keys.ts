import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@palabre/platform';
import { RegistrationError } from '../registration.errors';
import { returned } from '../rows';

/** How long a key answers with its first answer. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** A claim older than this without an answer is a request that died: the key may be used again. */
const ABANDONED_AFTER_MS = 60_000;

export type Once<R, K> = { repeat: false; result: R } | { repeat: true; kept: K };

/**
 * `Idempotency-Key` (rule 4): the key is claimed before the work, and the answer is kept in
 * the work's own transaction, so a repeat either finds the answer or finds the claim — never a
 * half-done request. A repeat while the first is in flight gets 409 with Retry-After; the same
 * key with another body, 422.
 */
@Injectable()
export class IdempotencyKeys {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async once<R, K>(
    scope: string,
    key: string,
    body: unknown,
    work: (keep: (manager: EntityManager, kept: K) => Promise<void>) => Promise<R>,
  ): Promise<Once<R, K>> {
    const requestHash = createHash('sha256').update(stableJson(body)).digest('hex');
    const now = this.clock.now();
    const claimed = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
      [scope, key, requestHash, now],
    );
    if (claimed.length === 0) {
      const [row] = await this.dataSource.query<{ request_hash: string; response: K | null; created_at: Date }[]>(
        `SELECT request_hash, response, created_at FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
      if (!row) return this.once(scope, key, body, work); // purged in between
      if (row.request_hash !== requestHash) throw new RegistrationError('IDEMPOTENCY_KEY_REUSED');
      if (row.response) return { repeat: true, kept: row.response };
      if (now.getTime() - new Date(row.created_at).getTime() < ABANDONED_AFTER_MS || !(await this.takeOver(scope, key, row.created_at, now))) {
        throw new RegistrationError('IDEMPOTENCY_KEY_IN_FLIGHT', { retryAfter: 1 });
      }
    }
    try {
      const result = await work(async (manager, kept) => {
        await manager.query(`UPDATE idempotency_keys SET response = $3, completed_at = $4 WHERE scope = $1 AND key = $2`, [
          scope,
          key,
          JSON.stringify(kept),
          now,
        ]);
      });
      return { repeat: false, result };
    } catch (error) {
      // Nothing was done: the key is free for a retry.
      await this.dataSource.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND response IS NULL`, [scope, key]);
      throw error;
    }
  }

  /** Deletes keys older than 24 hours; returns how many. */
  async purge(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - IDEMPOTENCY_TTL_HOURS * 3_600_000);
    return returned(await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < $1 RETURNING 1`, [before])).length;
  }

  private async takeOver(scope: string, key: string, claimedAt: Date, now: Date): Promise<boolean> {
    const rows = returned(
      await this.dataSource.query(
        `UPDATE idempotency_keys SET created_at = $4 WHERE scope = $1 AND key = $2 AND created_at = $3 AND response IS NULL RETURNING 1`,
        [scope, key, claimedAt, now],
      ),
    );
    return rows.length > 0;
  }
}

/** JSON with object keys sorted, so that the same body hashes the same whatever its key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
