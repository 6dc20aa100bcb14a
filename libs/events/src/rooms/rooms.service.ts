import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUniqueViolation, Localized } from '@palabre/platform';
import { EventError } from '../events/event.errors';
import { EventsService } from '../events/events.service';
import { CreateRoomDto, CreateTrackDto, UpdateRoomDto, UpdateTrackDto } from './room.dto';
import { Room } from './room.entity';
import { RoomsRepository } from './rooms.repository';
import { Track } from './track.entity';

export interface RoomView {
  id: string;
  eventId: string;
  name: string;
  capacity: number | null;
  position: number;
}

export interface TrackView {
  id: string;
  eventId: string;
  name: Localized;
  colour: string;
  position: number;
}

/**
 * Rooms and tracks of an event. Every method takes the organization (the tenant) and the
 * event: no query here can reach another organization's rows. Deleting one that sessions
 * use is the program's decision (it knows the sessions), so `delete*` expect the caller's
 * transaction, which has locked the event. Every other write locks the event itself and is
 * refused on an archived event (EVENT_ARCHIVED), as sessions are.
 */
@Injectable()
export class RoomsService {
  constructor(
    private readonly events: EventsService,
    private readonly places: RoomsRepository,
  ) {}

  async listRooms(organizationId: string, eventId: string, manager?: EntityManager): Promise<RoomView[]> {
    return (await this.places.listRooms(organizationId, eventId, manager)).map(toRoomView);
  }

  async getRoom(organizationId: string, eventId: string, roomId: string): Promise<RoomView> {
    return toRoomView(roomFound(await this.places.findRoom(organizationId, eventId, roomId)));
  }

  async createRoom(organizationId: string, eventId: string, dto: CreateRoomDto): Promise<RoomView> {
    const name = dto.name.trim();
    return this.writingRoom(organizationId, eventId, name, async (manager) => {
      await this.checkRoomName(manager, organizationId, eventId, name);
      const position = dto.position ?? (await this.places.nextPosition(manager, 'room', organizationId, eventId));
      return this.places.saveRoom(manager, { organizationId, eventId, name, capacity: dto.capacity ?? null, position });
    });
  }

  async updateRoom(organizationId: string, eventId: string, roomId: string, dto: UpdateRoomDto): Promise<RoomView> {
    // Only a new name can collide with another room's.
    const name = dto.name?.trim() ?? '';
    return this.writingRoom(organizationId, eventId, name, async (manager) => {
      const room = roomFound(await this.places.findRoom(organizationId, eventId, roomId, manager));
      if (dto.name !== undefined && name !== room.name) {
        await this.checkRoomName(manager, organizationId, eventId, name);
        room.name = name;
      }
      if (dto.capacity !== undefined) room.capacity = dto.capacity;
      if (dto.position !== undefined) room.position = dto.position;
      return this.places.saveRoom(manager, room);
    });
  }

  async deleteRoom(manager: EntityManager, organizationId: string, eventId: string, roomId: string): Promise<void> {
    roomFound(await this.places.findRoom(organizationId, eventId, roomId, manager));
    await this.places.deleteRoom(manager, organizationId, eventId, roomId);
  }

  async listTracks(organizationId: string, eventId: string, manager?: EntityManager): Promise<TrackView[]> {
    return (await this.places.listTracks(organizationId, eventId, manager)).map(toTrackView);
  }

  async createTrack(organizationId: string, eventId: string, dto: CreateTrackDto): Promise<TrackView> {
    return this.events.changeProgram(organizationId, eventId, async (manager) => {
      const position = dto.position ?? (await this.places.nextPosition(manager, 'track', organizationId, eventId));
      return toTrackView(await this.places.saveTrack(manager, { organizationId, eventId, name: dto.name, colour: dto.colour.toLowerCase(), position }));
    });
  }

  async updateTrack(organizationId: string, eventId: string, trackId: string, dto: UpdateTrackDto): Promise<TrackView> {
    return this.events.changeProgram(organizationId, eventId, async (manager) => {
      const track = trackFound(await this.places.findTrack(organizationId, eventId, trackId, manager));
      if (dto.name !== undefined) track.name = dto.name;
      if (dto.colour !== undefined) track.colour = dto.colour.toLowerCase();
      if (dto.position !== undefined) track.position = dto.position;
      return toTrackView(await this.places.saveTrack(manager, track));
    });
  }

  async deleteTrack(manager: EntityManager, organizationId: string, eventId: string, trackId: string): Promise<void> {
    trackFound(await this.places.findTrack(organizationId, eventId, trackId, manager));
    await this.places.deleteTrack(manager, organizationId, eventId, trackId);
  }

  /** A room write; two writers racing for one name are told apart by the unique index. */
  private async writingRoom(organizationId: string, eventId: string, name: string, work: (manager: EntityManager) => Promise<Room>): Promise<RoomView> {
    try {
      return toRoomView(await this.events.changeProgram(organizationId, eventId, work));
    } catch (error) {
      if (isUniqueViolation(error)) throw roomNameTaken(name);
      throw error;
    }
  }

  private async checkRoomName(manager: EntityManager, organizationId: string, eventId: string, name: string): Promise<void> {
    if (await this.places.roomNameExists(organizationId, eventId, name, manager)) throw roomNameTaken(name);
  }
}

function roomFound(room: Room | null): Room {
  if (!room) throw new EventError('ROOM_NOT_FOUND');
  return room;
}

function trackFound(track: Track | null): Track {
  if (!track) throw new EventError('TRACK_NOT_FOUND');
  return track;
}

function roomNameTaken(name: string) {
  return new EventError('ROOM_NAME_TAKEN', { name }, [{ field: 'name', message: { fr: 'Ce nom est déjà pris.', en: 'This name is already taken.' } }]);
}

export function toRoomView(r: Room): RoomView {
  return { id: r.id, eventId: r.eventId, name: r.name, capacity: r.capacity, position: r.position };
}

export function toTrackView(t: Track): TrackView {
  return { id: t.id, eventId: t.eventId, name: t.name, colour: t.colour, position: t.position };
}
