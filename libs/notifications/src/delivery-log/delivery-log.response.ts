import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, IntegerProperty, PageOf, UuidProperty } from '@palabre/platform';
import { OUTBOX_STATUSES, OutboxStatus } from '../outbox/outbox-status';
import type { MailLogEntry, MailLogPage } from './delivery-log.dto';

/** One message of the delivery log: whether it went out, and if not, why. */
export class MailLogEntryResponse {
  @UuidProperty()
  id: string;

  @ApiProperty({ format: 'email' })
  to: string;

  @ApiProperty({ example: 'program.change' })
  template: string;

  @ApiProperty({ example: 'fr' })
  locale: string;

  @ApiProperty({ enum: OUTBOX_STATUSES })
  status: OutboxStatus;

  @IntegerProperty()
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ description: 'The Message-ID header, kept when the message is sent again' })
  messageId: string;

  @UuidProperty({ nullable: true })
  eventId: string | null;

  @DateTimeProperty()
  createdAt: string;

  @DateTimeProperty()
  nextAttemptAt: string;

  @DateTimeProperty({ nullable: true })
  sentAt: string | null;
}

export class MailStatusCountsResponse implements Record<OutboxStatus, number> {
  @IntegerProperty()
  queued: number;

  @IntegerProperty()
  sending: number;

  @IntegerProperty()
  sent: number;

  @IntegerProperty()
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
