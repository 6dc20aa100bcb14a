import { Entity, PrimaryColumn } from 'typeorm';
import { IntColumn, PrimaryTextColumn, TimestampColumn } from '@palabre/platform';

/**
 * SMS sent (or tried) per key and window: `phone:+223…`, `address:…`, `prefix:+22376` per
 * hour, `budget` per UTC day (in segments). One guarded upsert per hit, so every api process
 * counts against the same rows.
 */
@Entity('sms_counters')
export class SmsCounter {
  @PrimaryTextColumn() key: string;
  @PrimaryColumn({ type: 'timestamptz' }) windowStart: Date;
  @IntColumn({ default: 0 }) used: number;

  /** Messages refused by this counter's limit in the window (the dashboard says the budget stopped SMS). */
  @IntColumn({ default: 0 }) refused: number;
  @TimestampColumn() windowEnd: Date;
}
