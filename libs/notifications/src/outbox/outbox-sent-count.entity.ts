import { Entity, PrimaryColumn } from 'typeorm';
import { IntColumn, PrimaryTextColumn, PrimaryUuidColumn } from '@palabre/platform';

/**
 * Sent messages of an organization per day (UTC) and template, once the messages themselves
 * were purged (OUTBOX_RETENTION_DAYS): the delivery log's totals outlive its rows.
 */
@Entity('outbox_sent_counts')
export class OutboxSentCount {
  @PrimaryUuidColumn() organizationId: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @PrimaryTextColumn() template: string;
  @IntColumn() sent: number;
}
