import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems, Authenticated, CurrentActor, PageOf, Permission, PlatformError, requirePermission } from '@palabre/platform';
import { CreateEventDto, EventsService, OrganizerEventResponse, toOrganizerEventResponse, UpdateEventDto } from '@palabre/events';
import { paginate, PageQueryDto } from '../common/query.dto';

/** The organization the caller names by slug, when they hold the permission there (404 when not a member). */
function organizationFor(actor: Actor, orgSlug: string, permission: Permission): string {
  const membership = actor.memberships.find((m) => m.organizationSlug === orgSlug);
  if (!membership) throw new PlatformError('NOT_FOUND');
  requirePermission(actor, membership.organizationId, permission);
  return membership.organizationId;
}

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
  async create(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Body() dto: CreateEventDto) {
    return toOrganizerEventResponse(await this.events.create(organizationFor(actor, orgSlug, 'event:write'), dto));
  }

  @Get('organizations/:orgSlug/events')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: PageOf(OrganizerEventResponse) })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: 'The organization’s events, drafts and archives included' })
  async list(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Query() query: PageQueryDto) {
    const organizationId = organizationFor(actor, orgSlug, 'organization:read');
    return paginate((await this.events.listForOrganization(organizationId)).map(toOrganizerEventResponse), query, 50);
  }

  @Get('events/:slug/settings')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: OrganizerEventResponse })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'One event as organizers see it, whatever its status' })
  async settings(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    return toOrganizerEventResponse(await this.events.forOrganizer(actor, slug, 'organization:read'));
  }

  @Patch('events/:slug')
  @Authenticated('event:write')
  @ApiOkResponse({ type: OrganizerEventResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Edits an event (texts, dates, venue, registration settings)' })
  async update(@CurrentActor() actor: Actor, @Param('slug') slug: string, @Body() dto: UpdateEventDto) {
    const event = await this.events.forOrganizer(actor, slug, 'event:write');
    return toOrganizerEventResponse(await this.events.update(event.organizationId, event.slug, dto));
  }

  @Post('events/:slug/publish')
  @HttpCode(200)
  @Authenticated('event:write')
  @ApiOkResponse({ type: OrganizerEventResponse })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'Publishes the event (its page and registration; the program has its own releases)' })
  async publish(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    const event = await this.events.forOrganizer(actor, slug, 'event:write');
    return toOrganizerEventResponse(await this.events.publish(event.organizationId, event.slug));
  }

  @Post('events/:slug/archive')
  @HttpCode(200)
  @Authenticated('event:write')
  @ApiOkResponse({ type: OrganizerEventResponse })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'Archives the event: off the public list, read-only' })
  async archive(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    const event = await this.events.forOrganizer(actor, slug, 'event:write');
    return toOrganizerEventResponse(await this.events.archive(event.organizationId, event.slug));
  }
}
