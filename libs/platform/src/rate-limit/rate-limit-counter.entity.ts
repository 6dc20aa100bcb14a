import { Entity, Index } from 'typeorm';
import { IntColumn, PrimaryTextColumn, TimestampColumn } from '../database/entity-bases';

/**
 * One counter per (rule, subject) — e.g. sign-in attempts from one address. A fixed window
 * that starts at the first hit and restarts by itself once it has ended; the row is reused.
 */
@Entity('rate_limit_counters')
export class RateLimitCounter {
  /** `<rule>:<sha-256 of the subject>`: no address or email is stored in clear. */
  @PrimaryTextColumn() key: string;
  @IntColumn() hits: number;
  @Index() @TimestampColumn() windowEndsAt: Date;
}
