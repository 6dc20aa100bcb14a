import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictingSession } from './schedule-rules';
import { ProgramSession } from './session.entity';
import { SessionPerson } from './session-person.entity';

const NO_SESSION = '00000000-0000-0000-0000-000000000000';

interface Slot {
  startsAt: Date;
  endsAt: Date;
}

const toConflict = (s: ProgramSession): ConflictingSession => ({ id: s.id, number: s.number, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt });

/**
 * The program's queries. Every one takes the organization and the event (the tenant), and
 * the EntityManager of the caller's transaction where there is one.
 */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private qb(manager: EntityManager | undefined) {
    return (manager ?? this.dataSource.manager).getRepository(ProgramSession).createQueryBuilder('s');
  }

  async list(organizationId: string, eventId: string, manager?: EntityManager): Promise<ProgramSession[]> {
    return this.qb(manager)
      .leftJoinAndSelect('s.people', 'p')
      .where('s.organizationId = :organizationId AND s.eventId = :eventId', { organizationId, eventId })
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.number', 'ASC')
      .addOrderBy('p.position', 'ASC')
      .getMany();
  }

  async find(organizationId: string, eventId: string, id: string, manager?: EntityManager): Promise<ProgramSession | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    return this.qb(manager)
      .leftJoinAndSelect('s.people', 'p')
      .where('s.organizationId = :organizationId AND s.eventId = :eventId AND s.id = :id', { organizationId, eventId, id })
      .addOrderBy('p.position', 'ASC')
      .getOne();
  }

  /** A live session in that room overlapping the slot, other than `exceptId`. */
  async roomConflict(organizationId: string, eventId: string, roomId: string, slot: Slot, exceptId: string | null, manager?: EntityManager): Promise<ConflictingSession | null> {
    const other = await this.qb(manager)
      .where('s.organizationId = :organizationId AND s.eventId = :eventId AND s.roomId = :roomId', { organizationId, eventId, roomId })
      .andWhere("s.status <> 'cancelled' AND s.id <> :exceptId", { exceptId: exceptId ?? NO_SESSION })
      .andWhere('tstzrange(s.startsAt, s.endsAt) && tstzrange(CAST(:startsAt AS timestamptz), CAST(:endsAt AS timestamptz))', slot)
      .orderBy('s.startsAt', 'ASC')
      .getOne();
    return other ? toConflict(other) : null;
  }

  /**
   * After the exclusion constraint refused a row: the session holding the room then. Only
   * the room scopes it, as the constraint does.
   */
  async roomHolder(roomId: string, slot: Slot, exceptId: string | null): Promise<ConflictingSession | null> {
    const other = await this.qb(undefined)
      .where('s.roomId = :roomId', { roomId })
      .andWhere("s.status <> 'cancelled' AND s.id <> :exceptId", { exceptId: exceptId ?? NO_SESSION })
      .andWhere('tstzrange(s.startsAt, s.endsAt) && tstzrange(CAST(:startsAt AS timestamptz), CAST(:endsAt AS timestamptz))', slot)
      .orderBy('s.startsAt', 'ASC')
      .getOne();
    return other ? toConflict(other) : null;
  }

  /** A live session where one of these people already holds a role, overlapping the slot. */
  async peopleConflict(
    organizationId: string,
    eventId: string,
    speakerIds: string[],
    slot: Slot,
    exceptId: string | null,
    manager?: EntityManager,
  ): Promise<{ session: ConflictingSession; speakerId: string } | null> {
    if (speakerIds.length === 0) return null;
    const other = await this.qb(manager)
      .innerJoinAndSelect('s.people', 'p', 'p.speakerId IN (:...speakerIds)', { speakerIds })
      .where('s.organizationId = :organizationId AND s.eventId = :eventId', { organizationId, eventId })
      .andWhere("s.status <> 'cancelled' AND s.id <> :exceptId", { exceptId: exceptId ?? NO_SESSION })
      .andWhere('tstzrange(s.startsAt, s.endsAt) && tstzrange(CAST(:startsAt AS timestamptz), CAST(:endsAt AS timestamptz))', slot)
      .orderBy('s.startsAt', 'ASC')
      .getOne();
    return other ? { session: toConflict(other), speakerId: other.people[0].speakerId } : null;
  }

  /** The first session using the room or track, if any (cancelled ones included: they still point at it). */
  async firstUsing(organizationId: string, eventId: string, column: 'roomId' | 'trackId', id: string, manager: EntityManager): Promise<ConflictingSession | null> {
    const other = await this.qb(manager)
      .where(`s.organizationId = :organizationId AND s.eventId = :eventId AND s.${column} = :id`, { organizationId, eventId, id })
      .orderBy('s.startsAt', 'ASC')
      .getOne();
    return other ? toConflict(other) : null;
  }

  async save(manager: EntityManager, session: ProgramSession): Promise<ProgramSession> {
    return manager.getRepository(ProgramSession).save(session);
  }

  /** Replaces the session's people, in the given order. */
  async replacePeople(manager: EntityManager, sessionId: string, people: { speakerId: string; role: SessionPerson['role'] }[]): Promise<void> {
    const repo = manager.getRepository(SessionPerson);
    await repo.delete({ sessionId });
    if (people.length > 0) await repo.insert(people.map((p, position) => ({ sessionId, speakerId: p.speakerId, role: p.role, position })));
  }

  async delete(manager: EntityManager, organizationId: string, eventId: string, id: string): Promise<void> {
    await manager.getRepository(ProgramSession).delete({ id, organizationId, eventId });
  }
}
