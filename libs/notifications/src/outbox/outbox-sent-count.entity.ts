import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Sent messages of an organization per day (UTC) and template, once the messages themselves
 * were purged (OUTBOX_RETENTION_DAYS): the delivery log's totals outlive its rows.
 */
@Entity('outbox_sent_counts')
export class OutboxSentCount {
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'text' })
  template: string;

  @Column({ type: 'int' })
  sent: number;
}
