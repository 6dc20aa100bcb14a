import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@palabre/platform';
import { CreateRoomDto, CreateTrackDto, RoomsService, UpdateRoomDto, UpdateTrackDto } from '@palabre/events';
import { SessionsService } from '@palabre/program';
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { paginate, PageQueryDto } from '../common/query.dto';
import { UuidParam } from '../common/uuid.pipe';
import { toRoomResponse, toTrackResponse } from './event.responses';

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
  @ApiOperation({ summary: 'Adds a room' })
  async createRoom(@OrganizerEvent() { event }: OrganizerEventContext, @Body() dto: CreateRoomDto) {
    return toRoomResponse(await this.rooms.createRoom(event.organizationId, event.id, dto));
  }

  @Get('rooms')
  @Authenticated('organization:read')
  @ApiOperation({ summary: 'The event’s rooms' })
  async listRooms(@OrganizerEvent() { event }: OrganizerEventContext, @Query() query: PageQueryDto) {
    return paginate((await this.rooms.listRooms(event.organizationId, event.id)).map(toRoomResponse), query);
  }

  @Patch('rooms/:id')
  @Authenticated('program:write')
  @ApiOperation({ summary: 'Renames a room or changes its capacity' })
  async updateRoom(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string, @Body() dto: UpdateRoomDto) {
    return toRoomResponse(await this.rooms.updateRoom(event.organizationId, event.id, id, dto));
  }

  @Delete('rooms/:id')
  @HttpCode(204)
  @Authenticated('program:write')
  @ApiOperation({ summary: 'Deletes a room no session uses' })
  async deleteRoom(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    await this.sessions.deleteRoom(event, id);
  }

  @Post('tracks')
  @Authenticated('program:write')
  @ApiOperation({ summary: 'Adds a track' })
  async createTrack(@OrganizerEvent() { event }: OrganizerEventContext, @Body() dto: CreateTrackDto) {
    return toTrackResponse(await this.rooms.createTrack(event.organizationId, event.id, dto));
  }

  @Get('tracks')
  @Authenticated('organization:read')
  @ApiOperation({ summary: 'The event’s tracks' })
  async listTracks(@OrganizerEvent() { event }: OrganizerEventContext, @Query() query: PageQueryDto) {
    return paginate((await this.rooms.listTracks(event.organizationId, event.id)).map(toTrackResponse), query);
  }

  @Patch('tracks/:id')
  @Authenticated('program:write')
  @ApiOperation({ summary: 'Renames or recolours a track' })
  async updateTrack(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string, @Body() dto: UpdateTrackDto) {
    return toTrackResponse(await this.rooms.updateTrack(event.organizationId, event.id, id, dto));
  }

  @Delete('tracks/:id')
  @HttpCode(204)
  @Authenticated('program:write')
  @ApiOperation({ summary: 'Deletes a track no session uses' })
  async deleteTrack(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    await this.sessions.deleteTrack(event, id);
  }
}
