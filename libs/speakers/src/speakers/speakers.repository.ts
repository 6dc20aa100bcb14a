import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, DeepPartial, EntityManager, In } from 'typeorm';
import { Speaker } from './speaker.entity';

/**
 * Every query of speaker profiles. Each takes the organization (the tenant) and the event,
 * but `findById`, for the routes where a secret or the caller's memberships decide; inside a
 * transaction pass its EntityManager.
 */
@Injectable()
export class SpeakersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Speaker);
  }

  async list(organizationId: string, eventId: string, manager?: EntityManager): Promise<Speaker[]> {
    return this.repo(manager).find({ where: { organizationId, eventId }, order: { name: 'ASC' } });
  }

  /** Unknown or foreign ids are simply absent. */
  async findByIds(organizationId: string, eventId: string, ids: string[], manager?: EntityManager): Promise<Speaker[]> {
    return ids.length === 0 ? [] : this.repo(manager).find({ where: { organizationId, eventId, id: In(ids) } });
  }

  async find(organizationId: string, eventId: string, id: string, manager?: EntityManager): Promise<Speaker | null> {
    return this.repo(manager).findOne({ where: { id, organizationId, eventId } });
  }

  /** The profiles linked to a user account, in every organization and event: the speaker's own. */
  async listByUser(userId: string, manager?: EntityManager): Promise<Speaker[]> {
    return isUUID(userId) ? this.repo(manager).find({ where: { userId }, order: { createdAt: 'ASC' } }) : [];
  }

  async delete(manager: EntityManager, organizationId: string, eventId: string, id: string): Promise<void> {
    await this.repo(manager).delete({ id, organizationId, eventId });
  }

  async insertMany(manager: EntityManager, speakers: DeepPartial<Speaker>[]): Promise<number> {
    if (speakers.length === 0) return 0;
    await this.repo(manager).insert(speakers.map((s) => this.repo(manager).create(s)));
    return speakers.length;
  }

  /** Any organization's: the caller checks the secret or the membership that lets them see it. */
  async findById(id: string): Promise<Speaker | null> {
    return isUUID(id) ? this.repo().findOne({ where: { id } }) : null;
  }

  async existsForUser(userId: string): Promise<boolean> {
    return this.repo().exists({ where: { userId } });
  }

  /** The profile, if it is still linked to that user (an organizer may have changed its address since). */
  async findOwn(userId: string, id: string, manager?: EntityManager): Promise<Speaker | null> {
    return this.repo(manager).findOne({ where: { id, userId } });
  }

  async save(manager: EntityManager, speaker: DeepPartial<Speaker>): Promise<Speaker> {
    return this.repo(manager).save(this.repo(manager).create(speaker));
  }

  async update(
    manager: EntityManager,
    organizationId: string,
    id: string,
    changes: Pick<DeepPartial<Speaker>, 'agendaTokenHash' | 'userId' | 'invitedAt'>,
  ): Promise<void> {
    await this.repo(manager).update({ id, organizationId }, changes);
  }
}
