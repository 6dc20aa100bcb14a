import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Localized } from '@palabre/platform';
import { EventError } from '../events/event.errors';
import { CreateRoomDto, CreateTrackDto, UpdateRoomDto, UpdateTrackDto } from './room.dto';
import { Room } from './room.entity';
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
 * transaction.
 */
@Injectable()
export class RoomsService {
  constructor(
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    @InjectRepository(Track) private readonly tracks: Repository<Track>,
  ) {}

  async listRooms(organizationId: string, eventId: string, manager?: EntityManager): Promise<RoomView[]> {
    const repo = manager ? manager.getRepository(Room) : this.rooms;
    const rows = await repo.find({ where: { organizationId, eventId }, order: { position: 'ASC', name: 'ASC' } });
    return rows.map(toRoomView);
  }

  async getRoom(organizationId: string, eventId: string, roomId: string): Promise<RoomView> {
    return toRoomView(await this.findRoom(this.rooms, organizationId, eventId, roomId));
  }

  async createRoom(organizationId: string, eventId: string, dto: CreateRoomDto): Promise<RoomView> {
    await this.checkRoomName(organizationId, eventId, dto.name);
    try {
      const saved = await this.rooms.save(
        this.rooms.create({ organizationId, eventId, name: dto.name.trim(), capacity: dto.capacity ?? null, position: dto.position ?? (await this.nextPosition(this.rooms, eventId)) }),
      );
      return toRoomView(saved);
    } catch (error) {
      if (isUniqueViolation(error)) throw roomNameTaken(dto.name);
      throw error;
    }
  }

  async updateRoom(organizationId: string, eventId: string, roomId: string, dto: UpdateRoomDto): Promise<RoomView> {
    const room = await this.findRoom(this.rooms, organizationId, eventId, roomId);
    if (dto.name !== undefined && dto.name.trim() !== room.name) {
      await this.checkRoomName(organizationId, eventId, dto.name);
      room.name = dto.name.trim();
    }
    if (dto.capacity !== undefined) room.capacity = dto.capacity;
    if (dto.position !== undefined) room.position = dto.position;
    try {
      return toRoomView(await this.rooms.save(room));
    } catch (error) {
      if (isUniqueViolation(error)) throw roomNameTaken(room.name);
      throw error;
    }
  }

  async deleteRoom(manager: EntityManager, organizationId: string, eventId: string, roomId: string): Promise<void> {
    const repo = manager.getRepository(Room);
    await this.findRoom(repo, organizationId, eventId, roomId);
    await repo.delete({ id: roomId, organizationId, eventId });
  }

  async listTracks(organizationId: string, eventId: string, manager?: EntityManager): Promise<TrackView[]> {
    const repo = manager ? manager.getRepository(Track) : this.tracks;
    const rows = await repo.find({ where: { organizationId, eventId }, order: { position: 'ASC', createdAt: 'ASC' } });
    return rows.map(toTrackView);
  }

  async createTrack(organizationId: string, eventId: string, dto: CreateTrackDto): Promise<TrackView> {
    const saved = await this.tracks.save(
      this.tracks.create({ organizationId, eventId, name: dto.name, colour: dto.colour.toLowerCase(), position: dto.position ?? (await this.nextPosition(this.tracks, eventId)) }),
    );
    return toTrackView(saved);
  }

  async updateTrack(organizationId: string, eventId: string, trackId: string, dto: UpdateTrackDto): Promise<TrackView> {
    const track = await this.findTrack(this.tracks, organizationId, eventId, trackId);
    if (dto.name !== undefined) track.name = dto.name;
    if (dto.colour !== undefined) track.colour = dto.colour.toLowerCase();
    if (dto.position !== undefined) track.position = dto.position;
    return toTrackView(await this.tracks.save(track));
  }

  async deleteTrack(manager: EntityManager, organizationId: string, eventId: string, trackId: string): Promise<void> {
    const repo = manager.getRepository(Track);
    await this.findTrack(repo, organizationId, eventId, trackId);
    await repo.delete({ id: trackId, organizationId, eventId });
  }

  private async findRoom(repo: Repository<Room>, organizationId: string, eventId: string, id: string): Promise<Room> {
    const room = await repo.findOne({ where: { id, organizationId, eventId } });
    if (!room) throw new EventError('ROOM_NOT_FOUND');
    return room;
  }

  private async findTrack(repo: Repository<Track>, organizationId: string, eventId: string, id: string): Promise<Track> {
    const track = await repo.findOne({ where: { id, organizationId, eventId } });
    if (!track) throw new EventError('TRACK_NOT_FOUND');
    return track;
  }

  private async checkRoomName(organizationId: string, eventId: string, name: string): Promise<void> {
    if (await this.rooms.exists({ where: { organizationId, eventId, name: name.trim() } })) throw roomNameTaken(name);
  }

  private async nextPosition(repo: Repository<Room> | Repository<Track>, eventId: string): Promise<number> {
    return repo.count({ where: { eventId } });
  }
}

function roomNameTaken(name: string) {
  return new EventError('ROOM_NAME_TAKEN', { name: name.trim() }, [{ field: 'name', message: { fr: 'Ce nom est déjà pris.', en: 'This name is already taken.' } }]);
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}

export function toRoomView(r: Room): RoomView {
  return { id: r.id, eventId: r.eventId, name: r.name, capacity: r.capacity, position: r.position };
}

export function toTrackView(t: Track): TrackView {
  return { id: t.id, eventId: t.eventId, name: t.name, colour: t.colour, position: t.position };
}
