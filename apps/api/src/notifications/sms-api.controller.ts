import { Body, Controller, Headers, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  SmsDeliveryReportResponse,
  SmsDeliveryReports,
  SmsLogEntryResponse,
  SmsLogPageResponse,
  SmsLogService,
  toSmsLogEntryResponse,
  toSmsLogPageResponse,
} from '@palabre/notifications';
import { ApiRoute } from '../common/api-route';
import { MessageLogApi } from './message-log-api';

/** The SMS log of an organization, beside the mail log (`mail:manage`). */
@ApiTags('mail')
@ApiBearerAuth()
@Controller('api/v1/organizations/:orgSlug/sms')
export class SmsApiController extends MessageLogApi({
  service: SmsLogService,
  list: {
    summary: "The organization's SMS log: each text with its state, segments, estimated cost and delivery report; campaigns; today's budget",
    ok: SmsLogPageResponse,
    map: toSmsLogPageResponse,
  },
  resend: {
    summary: 'Queues a failed text again (attempts reset); not one whose code or link was removed',
    accepted: SmsLogEntryResponse,
    map: (entry) => toSmsLogEntryResponse({ ...entry, cost: null }),
  },
}) {}

/** Where the SMS gateway posts its delivery reports; believed only with SMS_DELIVERY_REPORT_SECRET. */
@ApiTags('mail')
@Controller('api/v1/sms/delivery-reports')
export class SmsDeliveryReportsController {
  constructor(private readonly reports: SmsDeliveryReports) {}

  @Post()
  @ApiRoute({
    summary: 'A delivery report from the SMS gateway: updates the message’s status in the SMS log',
    ok: { type: SmsDeliveryReportResponse, description: 'Recorded (or no message of ours matched)' },
    problems: [400, 401, 403],
  })
  @ApiHeader({ name: 'X-Report-Secret', required: false, description: 'SMS_DELIVERY_REPORT_SECRET (or ?secret=)' })
  @ApiQuery({ name: 'secret', required: false, description: 'SMS_DELIVERY_REPORT_SECRET, for gateways that cannot set a header' })
  @ApiBody({
    description: '`{ "id": "<gateway id>" | "to": "+223…", "status": "delivered" | "failed" | … }`, or Orange’s `{ "deliveryInfoNotification": … }`',
    schema: { type: 'object' },
  })
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
