import { Injectable } from '@nestjs/common';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { Room } from './room.entity';
import { Track } from './track.entity';

/**
 * Every query of an event's rooms and tracks. Each takes the organization (the tenant) and
 * the event; inside a transaction pass its EntityManager.
 */
@Injectable()
export class RoomsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private rooms(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Room);
  }

  private tracks(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Track);
  }

  async listRooms(organizationId: string, eventId: string, manager?: EntityManager): Promise<Room[]> {
    return this.rooms(manager).find({ where: { organizationId, eventId }, order: { position: 'ASC', name: 'ASC' } });
  }

  async findRoom(organizationId: string, eventId: string, id: string, manager?: EntityManager): Promise<Room | null> {
    return this.rooms(manager).findOne({ where: { id, organizationId, eventId } });
  }

  async roomNameExists(organizationId: string, eventId: string, name: string, manager: EntityManager): Promise<boolean> {
    return this.rooms(manager).exists({ where: { organizationId, eventId, name } });
  }

  async saveRoom(manager: EntityManager, room: DeepPartial<Room>): Promise<Room> {
    return this.rooms(manager).save(this.rooms(manager).create(room));
  }

  async deleteRoom(manager: EntityManager, organizationId: string, eventId: string, id: string): Promise<void> {
    await this.rooms(manager).delete({ id, organizationId, eventId });
  }

  async listTracks(organizationId: string, eventId: string, manager?: EntityManager): Promise<Track[]> {
    return this.tracks(manager).find({ where: { organizationId, eventId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  async findTrack(organizationId: string, eventId: string, id: string, manager?: EntityManager): Promise<Track | null> {
    return this.tracks(manager).findOne({ where: { id, organizationId, eventId } });
  }

  async saveTrack(manager: EntityManager, track: DeepPartial<Track>): Promise<Track> {
    return this.tracks(manager).save(this.tracks(manager).create(track));
  }

  async deleteTrack(manager: EntityManager, organizationId: string, eventId: string, id: string): Promise<void> {
    await this.tracks(manager).delete({ id, organizationId, eventId });
  }

  /** Where a new room or track goes by default: after the event's others. */
  async nextPosition(manager: EntityManager, kind: 'room' | 'track', organizationId: string, eventId: string): Promise<number> {
    return (kind === 'room' ? this.rooms(manager) : this.tracks(manager)).count({ where: { organizationId, eventId } });
  }
}
