import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, PageOf } from '@palabre/platform';
import { CreateEventDto, EventsService, OrganizerEventResponse, toOrganizerEventResponse, UpdateEventDto } from '@palabre/events';
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';
import { paginate, PageQueryDto } from '../common/query.dto';

@ApiTags('organizer: events')
@ApiBearerAuth()
@Controller('api/v1')
export class OrganizerEventsController {
  constructor(private readonly events: EventsService) {}

  @Post('organizations/:orgSlug/events')
  @Authenticated('event:write')
  @ApiCreatedResponse({ type: OrganizerEventResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Creates a draft event' })
  async create(@OrganizerOrganization() { organization }: OrganizerContext, @Body() dto: CreateEventDto) {
    return toOrganizerEventResponse(await this.events.create(organization.organizationId, dto));
  }

  @Get('organizations/:orgSlug/events')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: PageOf(OrganizerEventResponse) })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: 'The organization’s events, drafts and archives included' })
  async list(@OrganizerOrganization() { organization }: OrganizerContext, @Query() query: PageQueryDto) {
    return paginate((await this.events.listForOrganization(organization.organizationId)).map(toOrganizerEventResponse), query, 50);
  }

  @Get('events/:slug/settings')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: OrganizerEventResponse })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'One event as organizers see it, whatever its status' })
  settings(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toOrganizerEventResponse(event);
  }

  @Patch('events/:slug')
  @Authenticated('event:write')
  @ApiOkResponse({ type: OrganizerEventResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Edits an event (texts, dates, venue, registration settings)' })
  async update(@OrganizerEvent() { event }: OrganizerEventContext, @Body() dto: UpdateEventDto) {
    return toOrganizerEventResponse(await this.events.update(event.organizationId, event.slug, dto));
  }

  @Post('events/:slug/publish')
  @HttpCode(200)
  @Authenticated('event:write')
  @ApiOkResponse({ type: OrganizerEventResponse })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'Publishes the event (its page and registration; the program has its own releases)' })
  async publish(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toOrganizerEventResponse(await this.events.publish(event.organizationId, event.slug));
  }

  @Post('events/:slug/archive')
  @HttpCode(200)
  @Authenticated('event:write')
  @ApiOkResponse({ type: OrganizerEventResponse })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'Archives the event: off the public list, read-only' })
  async archive(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toOrganizerEventResponse(await this.events.archive(event.organizationId, event.slug));
  }
}
