import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { isUniqueViolation, Localized } from '@palabre/platform';
import { EventError } from '../events/event.errors';
import { EventsService } from '../events/events.service';
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
 * transaction, which has locked the event. Every other write locks the event itself and is
 * refused on an archived event (EVENT_ARCHIVED), as sessions are.
 */
@Injectable()
export class RoomsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
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
    try {
      return await this.writing(organizationId, eventId, async (manager) => {
        const repo = manager.getRepository(Room);
        await this.checkRoomName(repo, organizationId, eventId, dto.name);
        const saved = await repo.save(
          repo.create({ organizationId, eventId, name: dto.name.trim(), capacity: dto.capacity ?? null, position: dto.position ?? (await this.nextPosition(repo, eventId)) }),
        );
        return toRoomView(saved);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw roomNameTaken(dto.name);
      throw error;
    }
  }

  async updateRoom(organizationId: string, eventId: string, roomId: string, dto: UpdateRoomDto): Promise<RoomView> {
    // Only a new name can collide with another room's.
    const name = dto.name?.trim() ?? '';
    try {
      return await this.writing(organizationId, eventId, async (manager) => {
        const repo = manager.getRepository(Room);
        const room = await this.findRoom(repo, organizationId, eventId, roomId);
        if (dto.name !== undefined && dto.name.trim() !== room.name) {
          await this.checkRoomName(repo, organizationId, eventId, dto.name);
          room.name = dto.name.trim();
        }
        if (dto.capacity !== undefined) room.capacity = dto.capacity;
        if (dto.position !== undefined) room.position = dto.position;
        return toRoomView(await repo.save(room));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw roomNameTaken(name);
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
    return this.writing(organizationId, eventId, async (manager) => {
      const repo = manager.getRepository(Track);
      const saved = await repo.save(
        repo.create({ organizationId, eventId, name: dto.name, colour: dto.colour.toLowerCase(), position: dto.position ?? (await this.nextPosition(repo, eventId)) }),
      );
      return toTrackView(saved);
    });
  }

  async updateTrack(organizationId: string, eventId: string, trackId: string, dto: UpdateTrackDto): Promise<TrackView> {
    return this.writing(organizationId, eventId, async (manager) => {
      const repo = manager.getRepository(Track);
      const track = await this.findTrack(repo, organizationId, eventId, trackId);
      if (dto.name !== undefined) track.name = dto.name;
      if (dto.colour !== undefined) track.colour = dto.colour.toLowerCase();
      if (dto.position !== undefined) track.position = dto.position;
      return toTrackView(await repo.save(track));
    });
  }

  /** A write in its own transaction, after the event's lock: refused on an archived event. */
  private writing<T>(organizationId: string, eventId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await this.events.lockWritable(manager, organizationId, eventId);
      return work(manager);
    });
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

  private async checkRoomName(repo: Repository<Room>, organizationId: string, eventId: string, name: string): Promise<void> {
    if (await repo.exists({ where: { organizationId, eventId, name: name.trim() } })) throw roomNameTaken(name);
  }

  private async nextPosition(repo: Repository<Room> | Repository<Track>, eventId: string): Promise<number> {
    return repo.count({ where: { eventId } });
  }
}

function roomNameTaken(name: string) {
  return new EventError('ROOM_NAME_TAKEN', { name: name.trim() }, [{ field: 'name', message: { fr: 'Ce nom est déjà pris.', en: 'This name is already taken.' } }]);
}

export function toRoomView(r: Room): RoomView {
  return { id: r.id, eventId: r.eventId, name: r.name, capacity: r.capacity, position: r.position };
}

export function toTrackView(t: Track): TrackView {
  return { id: t.id, eventId: t.eventId, name: t.name, colour: t.colour, position: t.position };
}
