import { Entity, Index } from 'typeorm';
import { IntColumn, JsonColumn, PrimaryTextColumn, TextColumn, TimestampColumn } from '@palabre/platform';

/**
 * A request made with an `Idempotency-Key`: claimed before the work starts, completed with
 * the answer in the work's own transaction, kept 24 hours.
 */
@Entity('idempotency_keys')
@Index(['createdAt'])
export class IdempotencyKey {
  /** What the key applies to (e.g. `registration:<event slug>`). */
  @PrimaryTextColumn() scope: string;
  @PrimaryTextColumn() key: string;

  /** SHA-256 of the request body: the same key with another body is refused. */
  @TextColumn() requestHash: string;
  @IntColumn({ nullable: true }) statusCode: number | null;
  @JsonColumn({ nullable: true }) response: Record<string, unknown> | null;

  /** By the app's clock: the 24 hours and the in-flight wait are measured from it. */
  @TimestampColumn() createdAt: Date;
  @TimestampColumn({ nullable: true }) completedAt: Date | null;
}
