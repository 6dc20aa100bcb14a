import { Controller, Get, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '@palabre/platform';
import { EventFiguresService } from '@palabre/reporting';
import { sendAdminHtml } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { renderStatsPage, renderStatsReport } from './stats-pages';

/** The event's figures in the back-office (`stats:read`): the « Chiffres » tab and the printable report. */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/events/:slug/stats')
export class StatsPagesController {
  constructor(private readonly figures: EventFiguresService) {}

  @Get()
  @Authenticated('stats:read')
  async page(@OrganizerEvent() ctx: OrganizerEventContext, @Res() reply: FastifyReply) {
    sendAdminHtml(reply, renderStatsPage(ctx, await this.figures.figures(ctx.event)), ctx.locale);
  }

  @Get('report')
  @Authenticated('stats:read')
  async report(@OrganizerEvent() ctx: OrganizerEventContext, @Res() reply: FastifyReply) {
    sendAdminHtml(reply, renderStatsReport(ctx, await this.figures.figures(ctx.event)), ctx.locale);
  }
}
