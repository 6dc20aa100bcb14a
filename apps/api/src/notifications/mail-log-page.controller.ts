import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Authenticated, CurrentActor, requireOrganization } from '@palabre/platform';
import { DeliveryLogService, ListMailQueryDto } from '@palabre/notifications';
import { adminContext, sendAdminHtml, seeOther } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { renderMailLogPage } from './mail-log-page';

/** The page's query: the log's filters, the language switch, and the notice after a resend. */
export class MailLogPageQueryDto extends ListMailQueryDto {
  @IsOptional() @IsIn(['fr', 'en'])
  lang?: string;

  @IsOptional() @IsIn(['resent'])
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
  async page(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Query() query: MailLogPageQueryDto, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const organization = requireOrganization(actor, orgSlug, 'mail:manage');
    const ctx = adminContext(req, reply, actor, organization);
    const log = await this.deliveryLog.list(organization.organizationId, query);
    sendAdminHtml(reply, renderMailLogPage({ ctx: { ...ctx, organization }, log, filter: { status: query.status, q: query.q }, resent: query.done === 'resent' }), ctx.locale);
  }

  @Post(':id/resend')
  @Authenticated('mail:manage')
  async resend(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('id') id: string, @Res() reply: FastifyReply) {
    const organization = requireOrganization(actor, orgSlug, 'mail:manage');
    await this.deliveryLog.resend(organization.organizationId, id);
    seeOther(reply, `/admin/o/${orgSlug}/mail?status=queued&done=resent`);
  }
}
