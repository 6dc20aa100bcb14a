import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ResponseCache, sendCached } from '@palabre/platform';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventsService, EventView } from '@palabre/events';

export function toEventResponse(e: EventView) {
  return {
    slug: e.slug,
    acronym: e.acronym,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timeZone: e.timeZone,
    venue: { name: e.venueName, address: e.venueAddress },
    colour: e.colour,
    status: e.status,
  };
}

@ApiTags('events')
@Controller('api/v1/events')
export class EventsApiController {
  constructor(
    private readonly events: EventsService,
    private readonly cache: ResponseCache,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Published events' })
  async list(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const body = await this.cache.get('api:events', 5_000, async () => {
      const items = (await this.events.listPublished()).map(toEventResponse);
      return { body: JSON.stringify({ items, total: items.length, page: 1, pageSize: items.length }), contentType: 'application/json; charset=utf-8' };
    });
    sendCached(req, reply, body);
  }

  @Get(':slug')
  @ApiOperation({ summary: 'One published event' })
  async one(@Param('slug') slug: string) {
    return toEventResponse(await this.events.getPublished(slug));
  }
}
