import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveLocale } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { FiguresService, ImpactQueryDto, ImpactResponse, impactCsv, toImpactResponse } from '@palabre/partners';
import { ApiOkDocument } from '../common/api-document';
import { ApiRoute } from '../common/api-route';

/** The public impact of an event's partners: their accepted figures added up, for a reporting year. */
@ApiTags('public: partners')
@Controller('api/v1/events/:slug')
export class ImpactApiController {
  constructor(
    private readonly events: EventsService,
    private readonly figures: FiguresService,
  ) {}

  @Get('impact')
  @ApiRoute({
    summary:
      'What the partners achieved in a reporting year (`?year=`, by default the latest with accepted figures): totals with how many partners gave each, by sector and region',
    ok: ImpactResponse,
    problems: [400, 404],
  })
  async impact(@Param('slug') slug: string, @Query() query: ImpactQueryDto) {
    const event = await this.events.getPublished(slug);
    return toImpactResponse(await this.figures.impact(event, query.year));
  }

  @Get('impact.csv')
  @ApiRoute({ summary: 'The partners’ impact as CSV', problems: [400, 404] })
  @ApiOkDocument(
    'text/csv',
    'One figure a line (section, item, measure, value, organizations) in the caller’s language; UTF-8 with a byte order mark; a value nobody gave is empty',
  )
  async csv(@Param('slug') slug: string, @Query() query: ImpactQueryDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const event = await this.events.getPublished(slug);
    const locale = resolveLocale(req);
    const impact = await this.figures.impact(event, query.year);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${event.slug}-impact-${impact.year ?? ''}.csv"`)
      .header('cache-control', 'no-store');
    return impactCsv(impact, locale);
  }
}
