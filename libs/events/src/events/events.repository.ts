import { Injectable } from '@nestjs/common';
import { DataSource, DeepPartial, EntityManager, LessThan } from 'typeorm';
import { selectEntities } from '@palabre/platform';
import { Event, EventStatus } from './event.entity';

/** What the public may open: published events, and archived ones kept for the record. */
const PUBLIC: EventStatus[] = ['published', 'archived'];

/**
 * Every query of events. Back-office reads take the organization; inside a transaction pass
 * its EntityManager (on the embedded database a query outside it would wait for it).
 */
@Injectable()
export class EventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Event);
  }

  async listPublished(): Promise<Event[]> {
    return this.repo().find({ where: { status: 'published' }, order: { startsAt: 'ASC' } });
  }

  /** Read by every registration: without the query builder (selectEntities). */
  async findPublic(slug: string): Promise<Event | null> {
    const [event] = await selectEntities(this.dataSource.manager, Event, `slug = $1 AND status = ANY($2)`, [slug, PUBLIC]);
    return event ?? null;
  }

  /** By id alone: for links that carry their own secret (a speaker's agenda). */
  async findById(id: string): Promise<Event | null> {
    return this.repo().findOne({ where: { id } });
  }

  /** By slug alone: for the organizer gate, which checks the caller's memberships against it. */
  async findBySlug(slug: string): Promise<Event | null> {
    return this.repo().findOne({ where: { slug } });
  }

  /** Every event (any organization, any status) that ended before this instant. */
  async endedBefore(before: Date): Promise<Event[]> {
    return this.repo().find({ where: { endsAt: LessThan(before) }, order: { endsAt: 'ASC' } });
  }

  async listForOrganization(organizationId: string): Promise<Event[]> {
    return this.repo().find({ where: { organizationId }, order: { startsAt: 'DESC' } });
  }

  async findForOrganization(organizationId: string, slug: string, manager?: EntityManager): Promise<Event | null> {
    return this.repo(manager).findOne({ where: { slug, organizationId } });
  }

  /** The row, locked until the transaction ends when `lock` (false only in a negative-control test). */
  async lock(manager: EntityManager, organizationId: string, eventId: string, lock: boolean): Promise<Event | null> {
    const query = this.repo(manager).createQueryBuilder('e').where('e.id = :eventId AND e.organization_id = :organizationId', { eventId, organizationId });
    return (lock ? query.setLock('pessimistic_write') : query).getOne();
  }

  async slugExists(slug: string, manager?: EntityManager): Promise<boolean> {
    return this.repo(manager).exists({ where: { slug } });
  }

  async save(event: DeepPartial<Event>, manager?: EntityManager): Promise<Event> {
    const repo = this.repo(manager);
    return repo.save(repo.create(event));
  }
}
