import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PageOf } from '@palabre/platform';
import { CreateEventDto, EventsService, OrganizerEventResponse, toOrganizerEventResponse, UpdateEventDto } from '@palabre/events';
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';
import { paginate, PageQueryDto } from '../common/query.dto';
import { ApiRoute } from '../common/api-route';

@ApiTags('organizer: events')
@ApiBearerAuth()
@Controller('api/v1')
export class OrganizerEventsController {
  constructor(private readonly events: EventsService) {}

  @Post('organizations/:orgSlug/events')
  @ApiRoute({ summary: 'Creates a draft event', permission: 'event:write', created: OrganizerEventResponse, problems: [400, 409] })
  async create(@OrganizerOrganization() { organization }: OrganizerContext, @Body() dto: CreateEventDto) {
    return toOrganizerEventResponse(await this.events.create(organization.organizationId, dto));
  }

  @Get('organizations/:orgSlug/events')
  @ApiRoute({
    summary: 'The organization’s events, drafts and archives included',
    permission: 'organization:read',
    ok: PageOf(OrganizerEventResponse),
    problems: [400],
  })
  async list(@OrganizerOrganization() { organization }: OrganizerContext, @Query() query: PageQueryDto) {
    return paginate((await this.events.listForOrganization(organization.organizationId)).map(toOrganizerEventResponse), query, 50);
  }

  @Get('events/:slug/settings')
  @ApiRoute({ summary: 'One event as organizers see it, whatever its status', permission: 'organization:read', ok: OrganizerEventResponse })
  settings(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toOrganizerEventResponse(event);
  }

  @Patch('events/:slug')
  @ApiRoute({
    summary: 'Edits an event (texts, dates, venue, registration settings)',
    permission: 'event:write',
    ok: OrganizerEventResponse,
    problems: [400, 409],
  })
  async update(@OrganizerEvent() { event }: OrganizerEventContext, @Body() dto: UpdateEventDto) {
    return toOrganizerEventResponse(await this.events.update(event.organizationId, event.slug, dto));
  }

  @Post('events/:slug/publish')
  @ApiRoute({
    summary: 'Publishes the event (its page and registration; the program has its own releases)',
    permission: 'event:write',
    ok: OrganizerEventResponse,
    problems: [409],
  })
  async publish(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toOrganizerEventResponse(await this.events.publish(event.organizationId, event.slug));
  }

  @Post('events/:slug/archive')
  @ApiRoute({ summary: 'Archives the event: off the public list, read-only', permission: 'event:write', ok: OrganizerEventResponse, problems: [409] })
  async archive(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toOrganizerEventResponse(await this.events.archive(event.organizationId, event.slug));
  }
}
