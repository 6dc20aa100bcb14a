import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@palabre/platform';
import { OUTBOX_STATUSES, OutboxStatus } from '../outbox/outbox-status';
import type { MailLogEntry, MailLogPage } from './delivery-log.dto';

/** One message of the delivery log: whether it went out, and if not, why. */
export class MailLogEntryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'email' })
  to: string;

  @ApiProperty({ example: 'program.change' })
  template: string;

  @ApiProperty({ example: 'fr' })
  locale: string;

  @ApiProperty({ enum: OUTBOX_STATUSES })
  status: OutboxStatus;

  @ApiProperty({ type: 'integer' })
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ description: 'The Message-ID header, kept when the message is sent again' })
  messageId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  eventId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  nextAttemptAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;
}

export class MailStatusCountsResponse implements Record<OutboxStatus, number> {
  @ApiProperty({ type: 'integer' })
  queued: number;

  @ApiProperty({ type: 'integer' })
  sending: number;

  @ApiProperty({ type: 'integer' })
  sent: number;

  @ApiProperty({ type: 'integer' })
  failed: number;
}

/** A page of the delivery log, with how many messages are in each state (whatever the filter). */
export class MailLogPageResponse extends PageOf(MailLogEntryResponse) {
  @ApiProperty({ type: MailStatusCountsResponse })
  counts: MailStatusCountsResponse;
}

export function toMailLogEntryResponse(e: MailLogEntry): MailLogEntryResponse {
  return {
    id: e.id,
    to: e.to,
    template: e.template,
    locale: e.locale,
    status: e.status,
    attempts: e.attempts,
    lastError: e.lastError,
    messageId: e.messageId,
    eventId: e.eventId,
    createdAt: e.createdAt.toISOString(),
    nextAttemptAt: e.nextAttemptAt.toISOString(),
    sentAt: e.sentAt ? e.sentAt.toISOString() : null,
  };
}

export function toMailLogPageResponse(p: MailLogPage): MailLogPageResponse {
  return { items: p.items.map(toMailLogEntryResponse), total: p.total, page: p.page, pageSize: p.pageSize, counts: p.counts };
}
