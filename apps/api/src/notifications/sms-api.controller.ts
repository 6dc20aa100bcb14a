import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated } from '@palabre/platform';
import {
  ListMailQueryDto,
  SmsDeliveryReportResponse,
  SmsDeliveryReports,
  SmsLogEntryResponse,
  SmsLogPageResponse,
  SmsLogService,
  toSmsLogEntryResponse,
  toSmsLogPageResponse,
} from '@palabre/notifications';
import { OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';

/** The SMS log of an organization, beside the mail log (`mail:manage`). */
@ApiTags('mail')
@ApiBearerAuth()
@Controller('api/v1/organizations/:orgSlug/sms')
export class SmsApiController {
  constructor(private readonly smsLog: SmsLogService) {}

  @Get()
  @Authenticated('mail:manage')
  @ApiOkResponse({ type: SmsLogPageResponse })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: "The organization's SMS log: each text with its state, segments, estimated cost and delivery report; campaigns; today's budget" })
  async list(@OrganizerOrganization() { organization }: OrganizerContext, @Query() query: ListMailQueryDto) {
    return toSmsLogPageResponse(await this.smsLog.list(organization.organizationId, query));
  }

  @Post(':id/resend')
  @HttpCode(202)
  @Authenticated('mail:manage')
  @ApiAcceptedResponse({ type: SmsLogEntryResponse, description: 'Queued again' })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'Queues a failed text again (attempts reset); not one whose code or link was removed' })
  async resend(@OrganizerOrganization() { organization }: OrganizerContext, @Param('id') id: string) {
    return toSmsLogEntryResponse({ ...(await this.smsLog.resend(organization.organizationId, id)), cost: null });
  }
}

/** Where the SMS gateway posts its delivery reports; believed only with SMS_DELIVERY_REPORT_SECRET. */
@ApiTags('mail')
@Controller('api/v1/sms/delivery-reports')
export class SmsDeliveryReportsController {
  constructor(private readonly reports: SmsDeliveryReports) {}

  @Post()
  @HttpCode(200)
  @ApiHeader({ name: 'X-Report-Secret', required: false, description: 'SMS_DELIVERY_REPORT_SECRET (or ?secret=)' })
  @ApiQuery({ name: 'secret', required: false, description: 'SMS_DELIVERY_REPORT_SECRET, for gateways that cannot set a header' })
  @ApiBody({
    description: '`{ "id": "<gateway id>" | "to": "+223…", "status": "delivered" | "failed" | … }`, or Orange’s `{ "deliveryInfoNotification": … }`',
    schema: { type: 'object' },
  })
  @ApiOkResponse({ type: SmsDeliveryReportResponse, description: 'Recorded (or no message of ours matched)' })
  @ApiProblems(400, 401, 403)
  @ApiOperation({ summary: 'A delivery report from the SMS gateway: updates the message’s status in the SMS log' })
  async report(
    @Headers('x-report-secret') header: string | undefined,
    @Query('secret') secret: unknown,
    @Body() body: unknown,
  ): Promise<SmsDeliveryReportResponse> {
    // A header of its own: `Authorization: Bearer` is the organizers' API tokens.
    const given = header || (typeof secret === 'string' && secret ? secret : undefined);
    const { status } = await this.reports.receive(given, body);
    return { status };
  }
}
