import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsPageNumber } from '@palabre/platform';
import { OUTBOX_STATUSES, OutboxStatus } from '../outbox/outbox-status';

/** A form's empty choice ("all states") means no filter. */
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** `?status=&q=&page=&pageSize=` of the delivery log. */
export class ListMailQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES }) @IsOptional() @Transform(emptyToUndefined) @IsIn(OUTBOX_STATUSES) status?: OutboxStatus;
  @ApiPropertyOptional({ description: 'Part of the recipient address' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsPageNumber() page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 }) @IsPageNumber(100) pageSize?: number;
}

/** One line of the delivery log: what an organizer needs to see whether a message went out. */
export interface MailLogEntry {
  id: string;
  to: string;
  template: string;
  locale: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  messageId: string;
  eventId: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  sentAt: Date | null;
  /** SMS only: segments, and the gateway's delivery report. */
  segments?: number | null;
  deliveryStatus?: string | null;
}

export interface MailLogPage {
  items: MailLogEntry[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<OutboxStatus, number>;
}
