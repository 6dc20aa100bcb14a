import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DeliveryLogService, MailLogEntryResponse, MailLogPageResponse, toMailLogEntryResponse, toMailLogPageResponse } from '@palabre/notifications';
import { MessageLogApi } from './message-log-api';

@ApiTags('mail')
@ApiBearerAuth()
@Controller('api/v1/organizations/:orgSlug/mail')
export class MailApiController extends MessageLogApi({
  service: DeliveryLogService,
  list: {
    summary: "The organization's delivery log: each message with its state, attempts and last error",
    ok: MailLogPageResponse,
    map: toMailLogPageResponse,
  },
  resend: { summary: 'Queues a failed message again (attempts reset, same Message-ID)', accepted: MailLogEntryResponse, map: toMailLogEntryResponse },
}) {}
