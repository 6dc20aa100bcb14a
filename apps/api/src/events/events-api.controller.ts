import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventsService } from '@palabre/events';
import { paginate, PageQueryDto } from '../common/query.dto';
import { toEventResponse } from './event.responses';

export { toEventResponse } from './event.responses';

@ApiTags('events')
@Controller('api/v1/events')
export class EventsApiController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiOperation({ summary: 'Published events' })
  async list(@Query() query: PageQueryDto) {
    return paginate((await this.events.listPublished()).map((e) => toEventResponse(e)), query, 50);
  }

  @Get(':slug')
  @ApiOperation({ summary: 'One published event, with whether registration is open and the seats left' })
  async one(@Param('slug') slug: string) {
    const event = await this.events.getPublished(slug);
    return toEventResponse(event, await this.events.registrationAvailability(event));
  }
}
