import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import {
  DeliveryLogService,
  ListMailQueryDto,
  MailLogEntryResponse,
  MailLogPageResponse,
  toMailLogEntryResponse,
  toMailLogPageResponse,
} from '@palabre/notifications';
import { OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';
import { ApiRoute } from '../common/api-route';

@ApiTags('mail')
@ApiBearerAuth()
@Controller('api/v1/organizations/:orgSlug/mail')
export class MailApiController {
  constructor(private readonly deliveryLog: DeliveryLogService) {}

  @Get()
  @ApiRoute({
    summary: "The organization's delivery log: each message with its state, attempts and last error",
    permission: 'mail:manage',
    ok: MailLogPageResponse,
    problems: [400],
  })
  async list(@OrganizerOrganization() { organization }: OrganizerContext, @Query() query: ListMailQueryDto) {
    return toMailLogPageResponse(await this.deliveryLog.list(organization.organizationId, query));
  }

  @Post(':id/resend')
  @ApiRoute({
    summary: 'Queues a failed message again (attempts reset, same Message-ID)',
    permission: 'mail:manage',
    accepted: { type: MailLogEntryResponse, description: 'Queued again' },
    problems: [409],
  })
  async resend(@OrganizerOrganization() { organization }: OrganizerContext, @Param('id') id: string) {
    return toMailLogEntryResponse(await this.deliveryLog.resend(organization.organizationId, id));
  }
}
