import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '@palabre/platform';

/**
 * A request made with an `Idempotency-Key`: claimed before the work starts, completed with
 * the answer in the work's own transaction, kept 24 hours.
 */
@Entity('idempotency_keys')
@Index(['createdAt'])
export class IdempotencyKey {
  /** What the key applies to (e.g. `registration:<event slug>`). */
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** SHA-256 of the request body: the same key with another body is refused. */
  @Column({ type: 'text' })
  requestHash: string;

  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response: Record<string, unknown> | null;

  /** By the app's clock: the 24 hours and the in-flight wait are measured from it. */
  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  completedAt: Date | null;
}
