import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, DeepPartial, EntityManager, SelectQueryBuilder } from 'typeorm';
import { pickFields } from '@palabre/platform';
import { ConflictingSession } from './schedule-rules';
import { ProgramSession } from './session.entity';
import { SessionPerson } from './session-person.entity';

interface Slot {
  startsAt: Date;
  endsAt: Date;
}

const toConflict = (s: ProgramSession): ConflictingSession => ({ id: s.id, number: s.number, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt });

/**
 * Every query of the program's sessions. Each takes the organization and the event (the
 * tenant), and the EntityManager of the caller's transaction where there is one.
 */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private qb(manager: EntityManager | undefined) {
    return (manager ?? this.dataSource.manager).getRepository(ProgramSession).createQueryBuilder('s');
  }

  /** The event's sessions: the tenant predicate, written once. */
  private ofEvent(organizationId: string, eventId: string, manager: EntityManager | undefined) {
    return this.qb(manager).where('s.organizationId = :organizationId AND s.eventId = :eventId', { organizationId, eventId });
  }

  async list(organizationId: string, eventId: string, manager?: EntityManager): Promise<ProgramSession[]> {
    return this.ofEvent(organizationId, eventId, manager)
      .leftJoinAndSelect('s.people', 'p')
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.number', 'ASC')
      .addOrderBy('p.position', 'ASC')
      .getMany();
  }

  async find(organizationId: string, eventId: string, id: string, manager?: EntityManager): Promise<ProgramSession | null> {
    if (!isUUID(id, 'loose')) return null;
    return this.ofEvent(organizationId, eventId, manager)
      .leftJoinAndSelect('s.people', 'p')
      .andWhere('s.id = :id', { id })
      .addOrderBy('p.position', 'ASC')
      .getOne();
  }

  /** A live session in that room overlapping the slot, other than `exceptId`. */
  async roomConflict(
    organizationId: string,
    eventId: string,
    roomId: string,
    slot: Slot,
    exceptId: string | null,
    manager?: EntityManager,
  ): Promise<ConflictingSession | null> {
    return firstConflict(overlapping(this.ofEvent(organizationId, eventId, manager).andWhere('s.roomId = :roomId', { roomId }), slot, exceptId));
  }

  /**
   * After the exclusion constraint refused a row: the session holding the room then. Only
   * the room scopes it, as the constraint does.
   */
  async roomHolder(roomId: string, slot: Slot, exceptId: string | null): Promise<ConflictingSession | null> {
    return firstConflict(overlapping(this.qb(undefined).where('s.roomId = :roomId', { roomId }), slot, exceptId));
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
    const query = this.ofEvent(organizationId, eventId, manager).innerJoinAndSelect('s.people', 'p', 'p.speakerId IN (:...speakerIds)', { speakerIds });
    const other = await overlapping(query, slot, exceptId).getOne();
    return other ? { session: toConflict(other), speakerId: other.people[0].speakerId } : null;
  }

  /** The first session using the room or track, if any (cancelled ones included: they still point at it). */
  async firstUsing(
    organizationId: string,
    eventId: string,
    column: 'roomId' | 'trackId',
    id: string,
    manager: EntityManager,
  ): Promise<ConflictingSession | null> {
    return firstConflict(this.ofEvent(organizationId, eventId, manager).andWhere(`s.${column} = :id`, { id }).orderBy('s.startsAt', 'ASC'));
  }

  async save(manager: EntityManager, session: DeepPartial<ProgramSession>): Promise<ProgramSession> {
    return manager.getRepository(ProgramSession).save(session);
  }

  /**
   * Replaces the session's people, in the given order. Someone who keeps their role keeps their
   * answer (and reminders); a new person, or a new role, is asked afresh at `now`.
   */
  async replacePeople(manager: EntityManager, sessionId: string, people: { speakerId: string; role: SessionPerson['role'] }[], now: Date): Promise<void> {
    const repo = manager.getRepository(SessionPerson);
    const before = new Map((await repo.find({ where: { sessionId } })).map((p) => [p.speakerId, p]));
    await repo.delete({ sessionId });
    if (people.length === 0) return;
    await repo.insert(
      people.map((p, position) => {
        const kept = before.get(p.speakerId);
        const answer =
          kept && kept.role === p.role
            ? pickFields(kept, ['answer', 'answerNote', 'answeredAt', 'askedAt', 'remindersSent', 'remindedAt', 'answerReportedAt'])
            : { askedAt: now };
        return { sessionId, speakerId: p.speakerId, role: p.role, position, ...answer };
      }),
    );
  }

  async delete(manager: EntityManager, organizationId: string, eventId: string, id: string): Promise<void> {
    await manager.getRepository(ProgramSession).delete({ id, organizationId, eventId });
  }
}

/**
 * Live (not cancelled) sessions other than `exceptId` whose time overlaps the slot, earliest
 * first: the one overlap predicate, half-open like the exclusion constraint's tstzrange.
 */
function overlapping(query: SelectQueryBuilder<ProgramSession>, slot: Slot, exceptId: string | null): SelectQueryBuilder<ProgramSession> {
  if (exceptId) query.andWhere('s.id <> :exceptId', { exceptId });
  return query
    .andWhere("s.status <> 'cancelled'")
    .andWhere('tstzrange(s.startsAt, s.endsAt) && tstzrange(CAST(:startsAt AS timestamptz), CAST(:endsAt AS timestamptz))', {
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
    })
    .orderBy('s.startsAt', 'ASC');
}

async function firstConflict(query: SelectQueryBuilder<ProgramSession>): Promise<ConflictingSession | null> {
  const other = await query.getOne();
  return other ? toConflict(other) : null;
}
