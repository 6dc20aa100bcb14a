import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@palabre/platform';
import { CreateSessionDto, PublishReleaseDto, ReleasesService, SessionsService, UpdateSessionDto } from '@palabre/program';
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { paginate, PageQueryDto } from '../common/query.dto';
import { UuidParam } from '../common/uuid.pipe';
import { toPreviewResponse, toReleaseResponse, toSessionResponse } from './program.responses';

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
  @Authenticated('program:write')
  @ApiOperation({ summary: 'Adds a session to the working draft; conflicts are refused naming the other session' })
  async create(@OrganizerEvent() { event }: OrganizerEventContext, @Body() dto: CreateSessionDto) {
    return toSessionResponse(await this.sessions.create(event, dto));
  }

  @Get('sessions')
  @Authenticated('organization:read')
  @ApiOperation({ summary: 'The working draft’s sessions' })
  async list(@OrganizerEvent() { event }: OrganizerEventContext, @Query() query: PageQueryDto) {
    return paginate((await this.sessions.list(event)).map(toSessionResponse), query);
  }

  @Get('sessions/:id')
  @Authenticated('organization:read')
  @ApiOperation({ summary: 'One session of the working draft' })
  async one(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    return toSessionResponse(await this.sessions.get(event, id));
  }

  @Patch('sessions/:id')
  @Authenticated('program:write')
  @ApiOperation({ summary: 'Moves or edits a session; every rule is checked again' })
  async update(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string, @Body() dto: UpdateSessionDto) {
    return toSessionResponse(await this.sessions.update(event, id, dto));
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @Authenticated('program:write')
  @ApiOperation({ summary: 'Removes a session from the working draft' })
  async remove(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    await this.sessions.delete(event, id);
  }

  @Post('releases')
  @Authenticated('program:write')
  @ApiOperation({ summary: 'Publishes the working draft as the next release; answers its number and changelog' })
  async publish(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Body() dto: PublishReleaseDto) {
    return toReleaseResponse(await this.releases.publish(event, dto.note ?? '', actor.userId));
  }

  @Get('releases')
  @Authenticated('organization:read')
  @ApiOperation({ summary: 'The releases, latest first, each with its changelog' })
  async releasesList(@OrganizerEvent() { event }: OrganizerEventContext, @Query() query: PageQueryDto) {
    return paginate((await this.releases.list(event)).map(toReleaseResponse), query, 50);
  }

  @Get('releases/preview')
  @Authenticated('organization:read')
  @ApiOperation({ summary: 'What the next release would change against the latest one, and what would refuse it' })
  async preview(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toPreviewResponse(await this.releases.preview(event));
  }
}
