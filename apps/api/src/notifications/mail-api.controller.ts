import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@palabre/platform';
import { DeliveryLogService, ListMailQueryDto, MailLogEntry, MailLogPage } from '@palabre/notifications';
import { OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';

export function toMailLogEntryResponse(e: MailLogEntry) {
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

export function toMailLogPageResponse(p: MailLogPage) {
  return { items: p.items.map(toMailLogEntryResponse), total: p.total, page: p.page, pageSize: p.pageSize, counts: p.counts };
}

@ApiTags('mail')
@ApiBearerAuth()
@Controller('api/v1/organizations/:orgSlug/mail')
export class MailApiController {
  constructor(private readonly deliveryLog: DeliveryLogService) {}

  @Get()
  @Authenticated('mail:manage')
  @ApiOperation({ summary: "The organization's delivery log: each message with its state, attempts and last error" })
  async list(@OrganizerOrganization() { organization }: OrganizerContext, @Query() query: ListMailQueryDto) {
    return toMailLogPageResponse(await this.deliveryLog.list(organization.organizationId, query));
  }

  @Post(':id/resend')
  @HttpCode(202)
  @Authenticated('mail:manage')
  @ApiOperation({ summary: 'Queues a failed message again (attempts reset, same Message-ID)' })
  async resend(@OrganizerOrganization() { organization }: OrganizerContext, @Param('id') id: string) {
    return toMailLogEntryResponse(await this.deliveryLog.resend(organization.organizationId, id));
  }
}
