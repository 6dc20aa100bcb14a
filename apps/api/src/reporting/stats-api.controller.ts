import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { EventFiguresService, EventStatsResponse, figuresCsv, toEventStatsResponse } from '@palabre/reporting';
import { ApiOkDocument } from '../common/api-document';
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { ApiRoute } from '../common/api-route';

/** The figures of an event (domain.md, "Statistics"): exact as JSON, small cells withheld in the CSV. */
@ApiTags('organizer: figures')
@ApiBearerAuth()
@Controller('api/v1/events/:slug')
export class StatsApiController {
  constructor(private readonly figures: EventFiguresService) {}

  @Get('stats')
  @ApiRoute({
    summary: 'The event’s figures: registrations over time, confirmed against checked in, breakdowns, workshop fill and attendance, waiting lists',
    permission: 'stats:read',
    ok: EventStatsResponse,
  })
  async stats(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toEventStatsResponse(await this.figures.figures(event));
  }

  @Get('stats.csv')
  @ApiRoute({ summary: 'The event’s figures as CSV, ready to publish: breakdowns and per-session counts under 5 people withheld', permission: 'stats:read' })
  @ApiOkDocument(
    'text/csv',
    'One figure a line (section, item, measure, value) in the caller’s language; UTF-8 with a byte order mark, formula-like cells neutralized, cells under 5 people withheld',
  )
  async csv(@OrganizerEvent() { event, locale }: OrganizerEventContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const body = figuresCsv(await this.figures.figures(event), locale);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${event.slug}-${locale === 'fr' ? 'chiffres' : 'figures'}.csv"`)
      .header('cache-control', 'no-store');
    return body;
  }
}
