import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PageOf } from '@palabre/platform';
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
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { paginate, PageQueryDto } from '../common/query.dto';
import { UuidParam } from '../common/uuid.pipe';
import { ApiRoute } from '../common/api-route';

/** The working draft of the program and its releases (organizers). */
@ApiTags('organizer: program')
@ApiBearerAuth()
@Controller('api/v1/events/:slug/program')
export class ProgramSessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly releases: ReleasesService,
  ) {}

  @Post('sessions')
  @ApiRoute({
    summary: 'Adds a session to the working draft; conflicts are refused naming the other session',
    permission: 'program:write',
    created: SessionResponse,
    problems: [400, 409, 422],
  })
  async create(@OrganizerEvent() { event }: OrganizerEventContext, @Body() dto: CreateSessionDto) {
    return toSessionResponse(await this.sessions.create(event, dto));
  }

  @Get('sessions')
  @ApiRoute({ summary: 'The working draft’s sessions', permission: 'organization:read', ok: PageOf(SessionResponse), problems: [400] })
  async list(@OrganizerEvent() { event }: OrganizerEventContext, @Query() query: PageQueryDto) {
    return paginate((await this.sessions.list(event)).map(toSessionResponse), query);
  }

  @Get('sessions/:id')
  @ApiRoute({ summary: 'One session of the working draft', permission: 'organization:read', ok: SessionResponse, problems: [400] })
  async one(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    return toSessionResponse(await this.sessions.get(event, id));
  }

  @Patch('sessions/:id')
  @ApiRoute({ summary: 'Moves or edits a session; every rule is checked again', permission: 'program:write', ok: SessionResponse, problems: [400, 409, 422] })
  async update(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string, @Body() dto: UpdateSessionDto) {
    return toSessionResponse(await this.sessions.update(event, id, dto));
  }

  @Delete('sessions/:id')
  @ApiRoute({ summary: 'Removes a session from the working draft', permission: 'program:write', noContent: 'Removed', problems: [400, 409] })
  async remove(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    await this.sessions.delete(event, id);
  }

  @Post('releases')
  @ApiRoute({
    summary: 'Publishes the working draft as the next release; answers its number and changelog',
    permission: 'program:write',
    created: { type: ReleaseResponse, description: 'The new release, with `notified`' },
    problems: [400, 409, 422],
  })
  async publish(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Body() dto: PublishReleaseDto) {
    return toReleaseResponse(await this.releases.publish(event, dto.note ?? '', actor.userId));
  }

  @Get('releases')
  @ApiRoute({ summary: 'The releases, latest first, each with its changelog', permission: 'organization:read', ok: PageOf(ReleaseResponse), problems: [400] })
  async releasesList(@OrganizerEvent() { event }: OrganizerEventContext, @Query() query: PageQueryDto) {
    return paginate((await this.releases.list(event)).map(toReleaseResponse), query, 50);
  }

  @Get('releases/preview')
  @ApiRoute({
    summary: 'What the next release would change against the latest one, and what would refuse it',
    permission: 'organization:read',
    ok: ReleasePreviewResponse,
  })
  async preview(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toPreviewResponse(await this.releases.preview(event));
  }
}
