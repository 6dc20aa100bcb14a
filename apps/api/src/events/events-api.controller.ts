import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PageOf, ResponseCache, sendCached } from '@palabre/platform';
import { EventResponse, EventsService, toEventResponse } from '@palabre/events';
import { EVENT_LIST_CACHE_PREFIX, eventJsonKey, JSON_TYPE, PUBLIC_TTL_MS } from '../common/public-cache';
import { keepPage, paginate, PageQueryDto } from '../common/query.dto';
import { ApiRoute } from '../common/api-route';
const EVENTS_PAGE_SIZE = 50;

/** Public reads, rendered once and served from the response cache (writes invalidate it). */
@ApiTags('events')
@Controller('api/v1/events')
export class EventsApiController {
  constructor(
    private readonly events: EventsService,
    private readonly cache: ResponseCache,
  ) {}

  @Get()
  @ApiRoute({ summary: 'Published events', ok: PageOf(EventResponse), problems: [400] })
  async list(@Query() query: PageQueryDto, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const entry = await this.cache.get(`${EVENT_LIST_CACHE_PREFIX}:${query.page ?? 1}:${query.pageSize ?? EVENTS_PAGE_SIZE}`, PUBLIC_TTL_MS, async () => {
      const page = paginate(
        (await this.events.listPublished()).map((e) => toEventResponse(e)),
        query,
        EVENTS_PAGE_SIZE,
      );
      return { body: JSON.stringify(page), contentType: JSON_TYPE, keep: keepPage(page, EVENTS_PAGE_SIZE) };
    });
    sendCached(req, reply, entry);
  }

  /** Seats left: forgotten from the cache as soon as a registration takes or gives one back in this process (others within the TTL). */
  @Get(':slug')
  @ApiRoute({
    summary: 'One published event, with whether registration is open and the seats left',
    ok: { type: EventResponse, description: 'With `registration`' },
    problems: [404],
  })
  async one(@Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const entry = await this.cache.get(eventJsonKey(slug), PUBLIC_TTL_MS, async () => {
      const event = await this.events.getPublished(slug);
      return { body: JSON.stringify(toEventResponse(event, await this.events.registrationAvailability(event))), contentType: JSON_TYPE };
    });
    sendCached(req, reply, entry);
  }
}
