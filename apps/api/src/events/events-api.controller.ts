import { Controller, Get, Param } from '@nestjs/common';
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
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiOperation({ summary: 'Published events' })
  async list() {
    const items = (await this.events.listPublished()).map(toEventResponse);
    return { items, total: items.length, page: 1, pageSize: items.length };
  }

  @Get(':slug')
  @ApiOperation({ summary: 'One published event' })
  async one(@Param('slug') slug: string) {
    return toEventResponse(await this.events.getPublished(slug));
  }
}
