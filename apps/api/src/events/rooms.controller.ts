import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, PageOf } from '@palabre/platform';
import {
  CreateRoomDto,
  CreateTrackDto,
  RoomResponse,
  RoomsService,
  toRoomResponse,
  toTrackResponse,
  TrackResponse,
  UpdateRoomDto,
  UpdateTrackDto,
} from '@palabre/events';
import { SessionsService } from '@palabre/program';
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { paginate, PageQueryDto } from '../common/query.dto';
import { UuidParam } from '../common/uuid.pipe';

@ApiTags('organizer: rooms and tracks')
@ApiBearerAuth()
@Controller('api/v1/events/:slug')
export class RoomsController {
  constructor(
    private readonly rooms: RoomsService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('rooms')
  @Authenticated('program:write')
  @ApiCreatedResponse({ type: RoomResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Adds a room' })
  async createRoom(@OrganizerEvent() { event }: OrganizerEventContext, @Body() dto: CreateRoomDto) {
    return toRoomResponse(await this.rooms.createRoom(event.organizationId, event.id, dto));
  }

  @Get('rooms')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: PageOf(RoomResponse) })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: 'The event’s rooms' })
  async listRooms(@OrganizerEvent() { event }: OrganizerEventContext, @Query() query: PageQueryDto) {
    return paginate((await this.rooms.listRooms(event.organizationId, event.id)).map(toRoomResponse), query);
  }

  @Patch('rooms/:id')
  @Authenticated('program:write')
  @ApiOkResponse({ type: RoomResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Renames a room or changes its capacity' })
  async updateRoom(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string, @Body() dto: UpdateRoomDto) {
    return toRoomResponse(await this.rooms.updateRoom(event.organizationId, event.id, id, dto));
  }

  @Delete('rooms/:id')
  @HttpCode(204)
  @Authenticated('program:write')
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Deletes a room no session uses' })
  async deleteRoom(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    await this.sessions.deleteRoom(event, id);
  }

  @Post('tracks')
  @Authenticated('program:write')
  @ApiCreatedResponse({ type: TrackResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Adds a track' })
  async createTrack(@OrganizerEvent() { event }: OrganizerEventContext, @Body() dto: CreateTrackDto) {
    return toTrackResponse(await this.rooms.createTrack(event.organizationId, event.id, dto));
  }

  @Get('tracks')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: PageOf(TrackResponse) })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: 'The event’s tracks' })
  async listTracks(@OrganizerEvent() { event }: OrganizerEventContext, @Query() query: PageQueryDto) {
    return paginate((await this.rooms.listTracks(event.organizationId, event.id)).map(toTrackResponse), query);
  }

  @Patch('tracks/:id')
  @Authenticated('program:write')
  @ApiOkResponse({ type: TrackResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Renames or recolours a track' })
  async updateTrack(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string, @Body() dto: UpdateTrackDto) {
    return toTrackResponse(await this.rooms.updateTrack(event.organizationId, event.id, id, dto));
  }

  @Delete('tracks/:id')
  @HttpCode(204)
  @Authenticated('program:write')
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Deletes a track no session uses' })
  async deleteTrack(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    await this.sessions.deleteTrack(event, id);
  }
}
