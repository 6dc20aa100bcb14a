import { Controller, Get, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '@palabre/platform';
import { DeliveryLogService, ListMailQueryDto, SmsLogService } from '@palabre/notifications';
import { sendAdminHtml, seeOther } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { organizationPath, OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';
import { renderMailLogPage, renderSmsLogPage } from './mail-log-page';

/** The page's query: the log's filters, the language switch, and the notice after a resend. */
export class MailLogPageQueryDto extends ListMailQueryDto {
  @IsOptional()
  @IsIn(['fr', 'en'])
  lang?: string;

  @IsOptional()
  @IsIn(['resent'])
  done?: string;
}

/** The delivery log in the back-office shell; owners and admins resend a failed message from it. */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/mail')
export class MailLogPageController {
  constructor(private readonly deliveryLog: DeliveryLogService) {}

  @Get()
  @Authenticated('mail:manage')
  async page(@OrganizerOrganization() ctx: OrganizerContext, @Query() query: MailLogPageQueryDto, @Res() reply: FastifyReply) {
    const log = await this.deliveryLog.list(ctx.organization.organizationId, query);
    sendAdminHtml(reply, renderMailLogPage({ ctx, log, filter: { status: query.status, q: query.q }, resent: query.done === 'resent' }), ctx.locale);
  }

  @Post(':id/resend')
  @Authenticated('mail:manage')
  async resend(@OrganizerOrganization() { organization }: OrganizerContext, @Param('id') id: string, @Res() reply: FastifyReply) {
    await this.deliveryLog.resend(organization.organizationId, id);
    seeOther(reply, `${organizationPath(organization)}/mail?status=queued&done=resent`);
  }
}

/** The SMS log beside the mail log: segments, estimated cost, delivery reports, campaigns, the day's budget; resend a failed text. */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/sms')
export class SmsLogPageController {
  constructor(private readonly smsLog: SmsLogService) {}

  @Get()
  @Authenticated('mail:manage')
  async page(@OrganizerOrganization() ctx: OrganizerContext, @Query() query: MailLogPageQueryDto, @Res() reply: FastifyReply) {
    const log = await this.smsLog.list(ctx.organization.organizationId, query);
    sendAdminHtml(reply, renderSmsLogPage({ ctx, log, filter: { status: query.status, q: query.q }, resent: query.done === 'resent' }), ctx.locale);
  }

  @Post(':id/resend')
  @Authenticated('mail:manage')
  async resend(@OrganizerOrganization() { organization }: OrganizerContext, @Param('id') id: string, @Res() reply: FastifyReply) {
    await this.smsLog.resend(organization.organizationId, id);
    seeOther(reply, `${organizationPath(organization)}/sms?status=queued&done=resent`);
  }
}
