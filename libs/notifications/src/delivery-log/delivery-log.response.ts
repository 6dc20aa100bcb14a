import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, IntegerProperty, PageOf, UuidProperty } from '@palabre/platform';
import { OUTBOX_STATUSES, OutboxStatus } from '../outbox/outbox-status';
import type { MailLogEntry, MailLogPage } from './delivery-log.dto';
import type { SmsLogEntry, SmsLogPage } from '../sms/sms-log.service';

/** One message of the delivery log: whether it went out, and if not, why. */
export class MailLogEntryResponse {
  @UuidProperty() id: string;
  @ApiProperty({ format: 'email' }) to: string;
  @ApiProperty({ example: 'program.change' }) template: string;
  @ApiProperty({ example: 'fr' }) locale: string;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status: OutboxStatus;
  @IntegerProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ description: 'The Message-ID header, kept when the message is sent again' }) messageId: string;
  @UuidProperty({ nullable: true }) eventId: string | null;
  @DateTimeProperty() createdAt: string;
  @DateTimeProperty() nextAttemptAt: string;
  @DateTimeProperty({ nullable: true }) sentAt: string | null;
}

export class MailStatusCountsResponse implements Record<OutboxStatus, number> {
  @IntegerProperty() queued: number;
  @IntegerProperty() sending: number;
  @IntegerProperty() sent: number;
  @IntegerProperty() failed: number;
}

/** A page of the delivery log, with how many messages are in each state (whatever the filter). */
export class MailLogPageResponse extends PageOf(MailLogEntryResponse) {
  @ApiProperty({ type: MailStatusCountsResponse }) counts: MailStatusCountsResponse;
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

/** One text of the SMS log: as a mail entry, with its segments, estimated cost and delivery report. */
export class SmsLogEntryResponse extends MailLogEntryResponse {
  @ApiProperty({ format: 'phone', example: '+22376000000' }) declare to: string;
  @IntegerProperty({ nullable: true }) segments: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Segments × SMS_COST_PER_SEGMENT; null for a text refused by a limit' }) cost: number | null;

  @ApiProperty({ type: String, nullable: true, enum: ['delivered', 'undelivered', 'pending'], description: 'The gateway’s delivery report' })
  deliveryStatus: string | null;
}

export class SmsCampaignResponse {
  @UuidProperty({ nullable: true }) eventId: string | null;
  @ApiProperty({ example: 'sms.confirmed' }) template: string;
  @IntegerProperty() messages: number;
  @IntegerProperty() segments: number;
  @ApiProperty() cost: number;
}

export class SmsBudgetResponse {
  @IntegerProperty() used: number;
  @IntegerProperty({ nullable: true }) limit: number | null;
  @IntegerProperty() refused: number;
  @ApiProperty({ description: 'The day’s budget is spent: no text leaves until the next UTC day' }) stopped: boolean;
}

/** A page of the SMS log, with counts by state, campaigns and today's budget (segments). */
export class SmsLogPageResponse extends PageOf(SmsLogEntryResponse) {
  @ApiProperty({ type: MailStatusCountsResponse }) counts: MailStatusCountsResponse;
  @ApiProperty({ example: 'XOF' }) currency: string;
  @ApiProperty() costPerSegment: number;
  @ApiProperty({ type: [SmsCampaignResponse] }) campaigns: SmsCampaignResponse[];
  @ApiProperty({ type: SmsBudgetResponse }) budget: SmsBudgetResponse;
}

export function toSmsLogEntryResponse(e: SmsLogEntry): SmsLogEntryResponse {
  return { ...toMailLogEntryResponse(e), segments: e.segments ?? null, cost: e.cost, deliveryStatus: e.deliveryStatus ?? null };
}

export function toSmsLogPageResponse(p: SmsLogPage): SmsLogPageResponse {
  return {
    items: p.items.map(toSmsLogEntryResponse),
    total: p.total,
    page: p.page,
    pageSize: p.pageSize,
    counts: p.counts,
    currency: p.currency,
    costPerSegment: p.costPerSegment,
    campaigns: p.campaigns,
    budget: p.budget,
  };
}

/** What a delivery report did: the state it recorded (the gateway needs no more). */
export class SmsDeliveryReportResponse {
  @ApiProperty({ enum: ['delivered', 'undelivered', 'pending'] }) status: 'delivered' | 'undelivered' | 'pending';
}
