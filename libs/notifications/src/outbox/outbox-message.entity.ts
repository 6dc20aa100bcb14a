import { Check, CreateDateColumn, Entity, Index } from 'typeorm';
import { IntColumn, JsonColumn, TextColumn, TimestampColumn, UuidColumn, UuidEntity } from '@palabre/platform';
import type { OutboxChannel, OutboxStatus } from './outbox-status';

/** An email or a text message to send, written in the transaction that caused it; the worker delivers it. */
@Entity('outbox_messages')
@Index('outbox_messages_due', ['status', 'nextAttemptAt'])
@Index('outbox_messages_provider_id', ['providerMessageId'], { where: `"provider_message_id" IS NOT NULL` })
@Check('outbox_messages_status_known', `"status" IN ('queued', 'sending', 'sent', 'failed')`)
@Check('outbox_messages_channel_known', `"channel" IN ('email', 'sms')`)
export class OutboxMessage extends UuidEntity {
  /** `email` (recipient an address, a mail template) or `sms` (recipient in E.164, an `sms.*` template). */
  @TextColumn({ default: 'email' }) channel: OutboxChannel;
  @TextColumn() template: string;
  @TextColumn() locale: string;
  @Index() @TextColumn() recipient: string;

  /** What the template needs, but its secrets. */
  @JsonColumn() data: Record<string, unknown>;

  /**
   * The template's secret fields (a sign-in link), merged over `data` to render. Removed once
   * the message is sent or given up on, so that a dump or a backup holds no link that still
   * signs in; kept while a retry or a takeover after a crash may still need it. Never loaded
   * by the delivery log.
   */
  @JsonColumn({ nullable: true, select: false }) secret: Record<string, unknown> | null;

  /** When the secret was removed: the message cannot be sent again (a new link must be asked for). */
  @TimestampColumn({ nullable: true }) secretRemovedAt: Date | null;

  /** The same key never makes two rows (e.g. `registration:<id>:confirmed`). */
  @TextColumn({ nullable: true, unique: true }) dedupeKey: string | null;

  /** Stable across resends, so a duplicate after a crash is recognizable. */
  @TextColumn({ unique: true }) messageId: string;
  @TextColumn({ default: 'queued' }) status: OutboxStatus;
  @IntColumn({ default: 0 }) attempts: number;

  @TimestampColumn({ default: () => 'now()' })
  nextAttemptAt: Date;

  /** While sending, the row belongs to one worker until then; after, another may take it over. */
  @TimestampColumn({ nullable: true }) leaseUntil: Date | null;

  /** Which claim holds the lease: only that worker may schedule a retry or fail the row. */
  @TextColumn({ nullable: true }) claimedBy: string | null;
  @TextColumn({ nullable: true }) lastError: string | null;

  /** The transport's answer for the sent message. */
  @TextColumn({ nullable: true }) response: string | null;
  @TimestampColumn({ nullable: true }) sentAt: Date | null;

  /** SMS: segments the text takes (what the network bills), counted when it was queued. */
  @IntColumn({ nullable: true }) segments: number | null;

  /** SMS: the gateway's id of the message, which its delivery reports name. */
  @TextColumn({ nullable: true }) providerMessageId: string | null;

  /** SMS: what the gateway's delivery report said (`delivered`, `undelivered`, `pending`). */
  @TextColumn({ nullable: true }) deliveryStatus: string | null;
  @TimestampColumn({ nullable: true }) deliveryReportedAt: Date | null;

  /** For the back-office delivery log: whose message this is. */
  @Index() @UuidColumn({ nullable: true }) organizationId: string | null;
  @UuidColumn({ nullable: true }) eventId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
