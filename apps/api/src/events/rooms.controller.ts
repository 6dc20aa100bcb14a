import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PageOf } from '@palabre/platform';
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
import { ApiRoute } from '../common/api-route';

@ApiTags('organizer: rooms and tracks')
@ApiBearerAuth()
@Controller('api/v1/events/:slug')
export class RoomsController {
  constructor(
    private readonly rooms: RoomsService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('rooms')
  @ApiRoute({ summary: 'Adds a room', permission: 'program:write', created: RoomResponse, problems: [400, 409] })
  async createRoom(@OrganizerEvent() { event }: OrganizerEventContext, @Body() dto: CreateRoomDto) {
    return toRoomResponse(await this.rooms.createRoom(event.organizationId, event.id, dto));
  }

  @Get('rooms')
  @ApiRoute({ summary: 'The event’s rooms', permission: 'organization:read', ok: PageOf(RoomResponse), problems: [400] })
  async listRooms(@OrganizerEvent() { event }: OrganizerEventContext, @Query() query: PageQueryDto) {
    return paginate((await this.rooms.listRooms(event.organizationId, event.id)).map(toRoomResponse), query);
  }

  @Patch('rooms/:id')
  @ApiRoute({ summary: 'Renames a room or changes its capacity', permission: 'program:write', ok: RoomResponse, problems: [400, 409] })
  async updateRoom(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string, @Body() dto: UpdateRoomDto) {
    return toRoomResponse(await this.rooms.updateRoom(event.organizationId, event.id, id, dto));
  }

  @Delete('rooms/:id')
  @ApiRoute({ summary: 'Deletes a room no session uses', permission: 'program:write', noContent: 'Deleted', problems: [400, 409] })
  async deleteRoom(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    await this.sessions.deleteRoom(event, id);
  }

  @Post('tracks')
  @ApiRoute({ summary: 'Adds a track', permission: 'program:write', created: TrackResponse, problems: [400, 409] })
  async createTrack(@OrganizerEvent() { event }: OrganizerEventContext, @Body() dto: CreateTrackDto) {
    return toTrackResponse(await this.rooms.createTrack(event.organizationId, event.id, dto));
  }

  @Get('tracks')
  @ApiRoute({ summary: 'The event’s tracks', permission: 'organization:read', ok: PageOf(TrackResponse), problems: [400] })
  async listTracks(@OrganizerEvent() { event }: OrganizerEventContext, @Query() query: PageQueryDto) {
    return paginate((await this.rooms.listTracks(event.organizationId, event.id)).map(toTrackResponse), query);
  }

  @Patch('tracks/:id')
  @ApiRoute({ summary: 'Renames or recolours a track', permission: 'program:write', ok: TrackResponse, problems: [400, 409] })
  async updateTrack(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string, @Body() dto: UpdateTrackDto) {
    return toTrackResponse(await this.rooms.updateTrack(event.organizationId, event.id, id, dto));
  }

  @Delete('tracks/:id')
  @ApiRoute({ summary: 'Deletes a track no session uses', permission: 'program:write', noContent: 'Deleted', problems: [400, 409] })
  async deleteTrack(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    await this.sessions.deleteTrack(event, id);
  }
}
