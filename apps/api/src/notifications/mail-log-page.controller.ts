import { Controller, Get, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '@palabre/platform';
import { DeliveryLogService, ListMailQueryDto, type MailLogPage, SmsLogService, type SmsLogPage } from '@palabre/notifications';
import { sendAdminHtml, seeOther } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { organizationPath, OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';
import { MailLogPageProps, renderMailLogPage, renderSmsLogPage } from './mail-log-page';

/** The page's query: the log's filters, the language switch, and the notice after a resend. */
export class MailLogPageQueryDto extends ListMailQueryDto {
  @IsOptional()
  @IsIn(['fr', 'en'])
  lang?: string;

  @IsOptional()
  @IsIn(['resent'])
  done?: string;
}

/** A log of messages sent on one channel (mail, SMS), as its page reads it and resends from it. */
interface MessageLog<L> {
  list(organizationId: string, query: ListMailQueryDto): Promise<L>;
  resend(organizationId: string, id: string): Promise<unknown>;
}

/**
 * The two routes of a message log's page (`mail:manage`): the log with its filters, and resending
 * a failed message, then back to the queued ones. `channel` is the page's path below the organization's.
 */
abstract class MessageLogPage<L> {
  constructor(
    private readonly log: MessageLog<L>,
    private readonly channel: string,
    private readonly render: (props: Omit<MailLogPageProps, 'log'> & { log: L }) => string,
  ) {}

  @Get()
  @Authenticated('mail:manage')
  async page(@OrganizerOrganization() ctx: OrganizerContext, @Query() query: MailLogPageQueryDto, @Res() reply: FastifyReply) {
    const log = await this.log.list(ctx.organization.organizationId, query);
    sendAdminHtml(reply, this.render({ ctx, log, filter: { status: query.status, q: query.q }, resent: query.done === 'resent' }), ctx.locale);
  }

  @Post(':id/resend')
  @Authenticated('mail:manage')
  async resend(@OrganizerOrganization() { organization }: OrganizerContext, @Param('id') id: string, @Res() reply: FastifyReply) {
    await this.log.resend(organization.organizationId, id);
    seeOther(reply, `${organizationPath(organization)}/${this.channel}?status=queued&done=resent`);
  }
}

/** The delivery log in the back-office shell; owners and admins resend a failed message from it. */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/mail')
export class MailLogPageController extends MessageLogPage<MailLogPage> {
  constructor(deliveryLog: DeliveryLogService) {
    super(deliveryLog, 'mail', renderMailLogPage);
  }
}

/** The SMS log beside the mail log: segments, estimated cost, delivery reports, campaigns, the day's budget; resend a failed text. */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/sms')
export class SmsLogPageController extends MessageLogPage<SmsLogPage> {
  constructor(smsLog: SmsLogService) {
    super(smsLog, 'sms', renderSmsLogPage);
  }
}
