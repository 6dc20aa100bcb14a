import { Check, Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { TimestampColumn, UuidEntity } from '@palabre/platform';
import type { OutboxChannel, OutboxStatus } from './outbox-status';

/** An email or a text message to send, written in the transaction that caused it; the worker delivers it. */
@Entity('outbox_messages')
@Index('outbox_messages_due', ['status', 'nextAttemptAt'])
@Index('outbox_messages_provider_id', ['providerMessageId'], { where: `"provider_message_id" IS NOT NULL` })
@Check('outbox_messages_status_known', `"status" IN ('queued', 'sending', 'sent', 'failed')`)
@Check('outbox_messages_channel_known', `"channel" IN ('email', 'sms')`)
export class OutboxMessage extends UuidEntity {
  /** `email` (recipient an address, a mail template) or `sms` (recipient in E.164, an `sms.*` template). */
  @Column({ type: 'text', default: 'email' })
  channel: OutboxChannel;

  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'text' })
  locale: string;

  @Index()
  @Column({ type: 'text' })
  recipient: string;

  /** What the template needs, but its secrets. */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  /**
   * The template's secret fields (a sign-in link), merged over `data` to render. Removed once
   * the message is sent or given up on, so that a dump or a backup holds no link that still
   * signs in; kept while a retry or a takeover after a crash may still need it. Never loaded
   * by the delivery log.
   */
  @Column({ type: 'jsonb', nullable: true, select: false })
  secret: Record<string, unknown> | null;

  /** When the secret was removed: the message cannot be sent again (a new link must be asked for). */
  @TimestampColumn({ nullable: true })
  secretRemovedAt: Date | null;

  /** The same key never makes two rows (e.g. `registration:<id>:confirmed`). */
  @Column({ type: 'text', nullable: true, unique: true })
  dedupeKey: string | null;

  /** Stable across resends, so a duplicate after a crash is recognizable. */
  @Column({ type: 'text', unique: true })
  messageId: string;

  @Column({ type: 'text', default: 'queued' })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @TimestampColumn({ default: () => 'now()' })
  nextAttemptAt: Date;

  /** While sending, the row belongs to one worker until then; after, another may take it over. */
  @TimestampColumn({ nullable: true })
  leaseUntil: Date | null;

  /** Which claim holds the lease: only that worker may schedule a retry or fail the row. */
  @Column({ type: 'text', nullable: true })
  claimedBy: string | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** The transport's answer for the sent message. */
  @Column({ type: 'text', nullable: true })
  response: string | null;

  @TimestampColumn({ nullable: true })
  sentAt: Date | null;

  /** SMS: segments the text takes (what the network bills), counted when it was queued. */
  @Column({ type: 'int', nullable: true })
  segments: number | null;

  /** SMS: the gateway's id of the message, which its delivery reports name. */
  @Column({ type: 'text', nullable: true })
  providerMessageId: string | null;

  /** SMS: what the gateway's delivery report said (`delivered`, `undelivered`, `pending`). */
  @Column({ type: 'text', nullable: true })
  deliveryStatus: string | null;

  @TimestampColumn({ nullable: true })
  deliveryReportedAt: Date | null;

  /** For the back-office delivery log: whose message this is. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
