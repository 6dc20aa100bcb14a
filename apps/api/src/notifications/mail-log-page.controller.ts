import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Authenticated, CurrentActor } from '@palabre/platform';
import { DeliveryLogService, ListMailQueryDto } from '@palabre/notifications';
import { pageContext, sendHtml } from '../home/page-context';
import { renderMailLogPage } from './mail-log-page';
import { mailOrganization } from './mail-organization';

/** The page's query: the log's filters, plus the language switch. */
export class MailLogPageQueryDto extends ListMailQueryDto {
  @IsOptional() @IsIn(['fr', 'en'])
  lang?: string;
}

@ApiExcludeController()
@Controller('admin/o/:orgSlug/mail')
export class MailLogPageController {
  constructor(private readonly deliveryLog: DeliveryLogService) {}

  @Get()
  @Authenticated('mail:manage')
  async page(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Query() query: MailLogPageQueryDto, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const organizationId = mailOrganization(actor, orgSlug);
    const ctx = pageContext(req, reply);
    const log = await this.deliveryLog.list(organizationId, query);
    const organizationName = actor.memberships.find((m) => m.organizationId === organizationId)?.organizationName ?? orgSlug;
    sendHtml(reply, renderMailLogPage({ ...ctx, orgSlug, organizationName, log, filter: { status: query.status, q: query.q } }), ctx.locale);
  }
}
