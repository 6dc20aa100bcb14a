import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated } from '@palabre/platform';
import {
  DeliveryLogService,
  ListMailQueryDto,
  MailLogEntryResponse,
  MailLogPageResponse,
  toMailLogEntryResponse,
  toMailLogPageResponse,
} from '@palabre/notifications';
import { OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';

@ApiTags('mail')
@ApiBearerAuth()
@Controller('api/v1/organizations/:orgSlug/mail')
export class MailApiController {
  constructor(private readonly deliveryLog: DeliveryLogService) {}

  @Get()
  @Authenticated('mail:manage')
  @ApiOkResponse({ type: MailLogPageResponse })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: "The organization's delivery log: each message with its state, attempts and last error" })
  async list(@OrganizerOrganization() { organization }: OrganizerContext, @Query() query: ListMailQueryDto) {
    return toMailLogPageResponse(await this.deliveryLog.list(organization.organizationId, query));
  }

  @Post(':id/resend')
  @HttpCode(202)
  @Authenticated('mail:manage')
  @ApiAcceptedResponse({ type: MailLogEntryResponse, description: 'Queued again' })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'Queues a failed message again (attempts reset, same Message-ID)' })
  async resend(@OrganizerOrganization() { organization }: OrganizerContext, @Param('id') id: string) {
    return toMailLogEntryResponse(await this.deliveryLog.resend(organization.organizationId, id));
  }
}
