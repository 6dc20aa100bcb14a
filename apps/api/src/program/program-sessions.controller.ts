import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems, Authenticated, CurrentActor, PageOf } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import {
  CreateSessionDto,
  PublishReleaseDto,
  ReleasePreviewResponse,
  ReleaseResponse,
  ReleasesService,
  SessionResponse,
  SessionsService,
  toPreviewResponse,
  toReleaseResponse,
  toSessionResponse,
  UpdateSessionDto,
} from '@palabre/program';
import { paginate, PageQueryDto } from '../common/query.dto';
import { UuidParam } from '../common/uuid.pipe';

/** The working draft of the program and its releases (organizers). */
@ApiTags('organizer: program')
@ApiBearerAuth()
@Controller('api/v1/events/:slug/program')
export class ProgramSessionsController {
  constructor(
    private readonly events: EventsService,
    private readonly sessions: SessionsService,
    private readonly releases: ReleasesService,
  ) {}

  @Post('sessions')
  @Authenticated('program:write')
  @ApiCreatedResponse({ type: SessionResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  @ApiOperation({ summary: 'Adds a session to the working draft; conflicts are refused naming the other session' })
  async create(@CurrentActor() actor: Actor, @Param('slug') slug: string, @Body() dto: CreateSessionDto) {
    const event = await this.events.forOrganizer(actor, slug, 'program:write');
    return toSessionResponse(await this.sessions.create(event, dto));
  }

  @Get('sessions')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: PageOf(SessionResponse) })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: 'The working draft’s sessions' })
  async list(@CurrentActor() actor: Actor, @Param('slug') slug: string, @Query() query: PageQueryDto) {
    const event = await this.events.forOrganizer(actor, slug, 'organization:read');
    return paginate((await this.sessions.list(event)).map(toSessionResponse), query);
  }

  @Get('sessions/:id')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: SessionResponse })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: 'One session of the working draft' })
  async one(@CurrentActor() actor: Actor, @Param('slug') slug: string, @UuidParam('id') id: string) {
    const event = await this.events.forOrganizer(actor, slug, 'organization:read');
    return toSessionResponse(await this.sessions.get(event, id));
  }

  @Patch('sessions/:id')
  @Authenticated('program:write')
  @ApiOkResponse({ type: SessionResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  @ApiOperation({ summary: 'Moves or edits a session; every rule is checked again' })
  async update(@CurrentActor() actor: Actor, @Param('slug') slug: string, @UuidParam('id') id: string, @Body() dto: UpdateSessionDto) {
    const event = await this.events.forOrganizer(actor, slug, 'program:write');
    return toSessionResponse(await this.sessions.update(event, id, dto));
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @Authenticated('program:write')
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Removes a session from the working draft' })
  async remove(@CurrentActor() actor: Actor, @Param('slug') slug: string, @UuidParam('id') id: string) {
    const event = await this.events.forOrganizer(actor, slug, 'program:write');
    await this.sessions.delete(event, id);
  }

  @Post('releases')
  @Authenticated('program:write')
  @ApiCreatedResponse({ type: ReleaseResponse, description: 'The new release, with `notified`' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  @ApiOperation({ summary: 'Publishes the working draft as the next release; answers its number and changelog' })
  async publish(@CurrentActor() actor: Actor, @Param('slug') slug: string, @Body() dto: PublishReleaseDto) {
    const event = await this.events.forOrganizer(actor, slug, 'program:write');
    return toReleaseResponse(await this.releases.publish(event, dto.note ?? '', actor.userId));
  }

  @Get('releases')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: PageOf(ReleaseResponse) })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: 'The releases, latest first, each with its changelog' })
  async releasesList(@CurrentActor() actor: Actor, @Param('slug') slug: string, @Query() query: PageQueryDto) {
    const event = await this.events.forOrganizer(actor, slug, 'organization:read');
    return paginate((await this.releases.list(event)).map(toReleaseResponse), query, 50);
  }

  @Get('releases/preview')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: ReleasePreviewResponse })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'What the next release would change against the latest one, and what would refuse it' })
  async preview(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    const event = await this.events.forOrganizer(actor, slug, 'organization:read');
    return toPreviewResponse(await this.releases.preview(event));
  }
}
