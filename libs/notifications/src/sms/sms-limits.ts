import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Clock, DAY_MS } from '@palabre/platform';

const HOUR_MS = 3_600_000;

/** Why a text was not sent: which limit it met. */
export type SmsRefusal = 'phone' | 'address' | 'prefix' | 'budget';

export interface SmsBudgetToday {
  /** In segments. */
  used: number;
  /** In segments; null without SMS_DAILY_BUDGET. */
  limit: number | null;
  /** Texts refused by the budget today. */
  refused: number;
  /** No text leaves until the next UTC day. */
  stopped: boolean;
}

/** A destination prefix: `+` and the first digits (country code and operator block). */
export function smsPrefix(phone: string, digits: number): string {
  return `+${phone.replace(/\D/g, '').slice(0, digits)}`;
}

/**
 * The guards against SMS pumping (bots registering premium numbers to run up the bill): per
 * hour, texts to one number, from one client address and to one destination prefix; per UTC
 * day, a budget of segments. Counted in the caller's transaction by one upsert per window (a
 * rollback gives the hits back). A hit counts even when it is refused, as for any rate limit;
 * only segments that may go count against the budget.
 */
@Injectable()
export class SmsLimits {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The segments a day's budget allows (the budget in money divided by the cost of one), or null. */
  private budgetSegments(): number | null {
    const { dailyBudget, costPerSegment } = this.config.sms;
    if (dailyBudget === undefined) return null;
    return Math.floor(costPerSegment > 0 ? dailyBudget / costPerSegment : dailyBudget);
  }

  /** Counts one text; answers null when it may go, else the limit it met. */
  async take(manager: EntityManager, text: { to: string; clientAddress?: string; segments: number }): Promise<SmsRefusal | null> {
    const now = this.clock.now().getTime();
    const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
    const { limits, prefixDigits } = this.config.sms;
    const hits: { key: string; refusal: SmsRefusal; limit: number }[] = [
      { key: `phone:${text.to}`, refusal: 'phone', limit: limits.perPhone },
      ...(text.clientAddress ? [{ key: `address:${text.clientAddress}`, refusal: 'address' as const, limit: limits.perAddress }] : []),
      { key: `prefix:${smsPrefix(text.to, prefixDigits)}`, refusal: 'prefix', limit: limits.perPrefix },
    ];
    const rows = await manager.query<{ key: string; used: number }[]>(
      `INSERT INTO sms_counters AS c (key, window_start, window_end, used) SELECT k, $2, $3, 1 FROM unnest($1::text[]) AS k
       ON CONFLICT (key, window_start) DO UPDATE SET used = c.used + 1 RETURNING key, used`,
      [hits.map((h) => h.key), new Date(hour), new Date(hour + HOUR_MS)],
    );
    const used = new Map(rows.map((r) => [r.key, Number(r.used)]));
    const over = hits.find((h) => (used.get(h.key) ?? 0) > h.limit);
    if (over) {
      await this.refuse(manager, over.key, new Date(hour));
      return over.refusal;
    }
    const budget = this.budgetSegments();
    if (budget === null) return null;
    const day = Math.floor(now / DAY_MS) * DAY_MS;
    // Guarded: the day's total never passes the budget, however many processes count at once.
    const taken = await manager.query<unknown[]>(
      `INSERT INTO sms_counters AS c (key, window_start, window_end, used) SELECT 'budget', $1, $2, $3::int WHERE $3::int <= $4::int
       ON CONFLICT (key, window_start) DO UPDATE SET used = c.used + EXCLUDED.used WHERE c.used + EXCLUDED.used <= $4::int RETURNING used`,
      [new Date(day), new Date(day + DAY_MS), text.segments, budget],
    );
    if (taken.length > 0) return null;
    await this.refuse(manager, 'budget', new Date(day), new Date(day + DAY_MS));
    return 'budget';
  }

  private async refuse(manager: EntityManager, key: string, windowStart: Date, windowEnd = new Date(windowStart.getTime() + HOUR_MS)): Promise<void> {
    await manager.query(
      `INSERT INTO sms_counters AS c (key, window_start, window_end, used, refused) VALUES ($1, $2, $3, 0, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET refused = c.refused + 1`,
      [key, windowStart, windowEnd],
    );
  }

  /** Today's budget (UTC), for the dashboard: what was spent, and whether texts have stopped. */
  async budgetToday(): Promise<SmsBudgetToday> {
    const limit = this.budgetSegments();
    const day = Math.floor(this.clock.now().getTime() / DAY_MS) * DAY_MS;
    const [row] = await this.dataSource.query<{ used: number; refused: number }[]>(
      `SELECT used, refused FROM sms_counters WHERE key = 'budget' AND window_start = $1`,
      [new Date(day)],
    );
    const used = Number(row?.used ?? 0);
    const refused = Number(row?.refused ?? 0);
    return { used, limit, refused, stopped: limit !== null && (refused > 0 || used >= limit) };
  }

  /** Forgets windows that ended a day ago or more (the outbox purge calls it). */
  async sweep(): Promise<number> {
    const [, affected] = await this.dataSource.query<[unknown, number]>(`DELETE FROM sms_counters WHERE window_end < $1`, [
      new Date(this.clock.now().getTime() - DAY_MS),
    ]);
    return affected;
  }
}
