import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProgramSession } from '../sessions/session.entity';
import { SessionPerson } from '../sessions/session-person.entity';
import type { RoleAnswer } from '../sessions/session-kinds';

/** A role with its session (people included), as the speaker's pages and the jobs read it. */
export interface RoleWithSession {
  role: SessionPerson;
  session: ProgramSession;
}

/** A role whose speaker may be reminded (the job checks the rest: the event's settings and hour). */
export interface RoleToRemind {
  sessionId: string;
  speakerId: string;
  eventId: string;
  organizationId: string;
  askedAt: Date;
  remindersSent: number;
  remindedAt: Date | null;
}

/**
 * The queries of the speakers' answers to their roles (rows of `program_session_people` with
 * their sessions). Back-office reads take the organization; the speaker's own reads take the
 * speaker ids the caller's account is linked to.
 */
@Injectable()
export class SpeakerRolesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Every live (not cancelled) session where one of these speakers holds a role, people included, earliest first. */
  async sessionsOf(speakerIds: string[], manager?: EntityManager): Promise<ProgramSession[]> {
    if (speakerIds.length === 0) return [];
    return this.m(manager)
      .getRepository(ProgramSession)
      .createQueryBuilder('s')
      .innerJoin('s.people', 'mine', 'mine.speakerId IN (:...speakerIds)', { speakerIds })
      .leftJoinAndSelect('s.people', 'p')
      .where("s.status <> 'cancelled'")
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.number', 'ASC')
      .addOrderBy('p.position', 'ASC')
      .getMany();
  }

  /** The role of one of these speakers on the session, locked for the answer. */
  async roleForUpdate(manager: EntityManager, sessionId: string, speakerIds: string[]): Promise<SessionPerson | null> {
    if (speakerIds.length === 0) return null;
    return manager
      .getRepository(SessionPerson)
      .createQueryBuilder('p')
      .where('p.sessionId = :sessionId AND p.speakerId IN (:...speakerIds)', { sessionId, speakerIds })
      .setLock('pessimistic_write')
      .getOne();
  }

  async setAnswer(manager: EntityManager, sessionId: string, speakerId: string, answer: RoleAnswer, note: string | null, at: Date): Promise<void> {
    await manager.getRepository(SessionPerson).update({ sessionId, speakerId }, { answer, answerNote: note, answeredAt: at, answerReportedAt: null });
  }

  /** The organization's latest answers, newest first. */
  async latestAnswers(organizationId: string, limit: number): Promise<RoleWithSession[]> {
    const rows = await this.m()
      .getRepository(SessionPerson)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.session', 's')
      .where('s.organizationId = :organizationId AND p.answeredAt IS NOT NULL', { organizationId })
      .orderBy('p.answeredAt', 'DESC')
      .limit(limit)
      .getMany();
    return rows.map((role) => ({ role, session: role.session }));
  }

  /** Roles of the organization's live sessions still waiting for an answer, by event. */
  async waitingByEvent(organizationId: string): Promise<Map<string, number>> {
    const rows = await this.m()
      .getRepository(SessionPerson)
      .createQueryBuilder('p')
      .innerJoin('p.session', 's')
      .select('s.eventId', 'eventId')
      .addSelect('count(*)::int', 'waiting')
      .where("s.organizationId = :organizationId AND p.answer = 'invited' AND s.status <> 'cancelled'", { organizationId })
      .groupBy('s.eventId')
      .getRawMany<{ eventId: string; waiting: number }>();
    return new Map(rows.map((r) => [r.eventId, r.waiting]));
  }

  /**
   * Events with answers the organizers have not been told of, whose last digest is at least
   * `quietSince` old (at most one digest an hour).
   */
  async eventsToReport(quietSince: Date, limit: number): Promise<{ organizationId: string; eventId: string }[]> {
    return this.m()
      .getRepository(SessionPerson)
      .createQueryBuilder('p')
      .innerJoin('p.session', 's')
      .select('s.organizationId', 'organizationId')
      .addSelect('s.eventId', 'eventId')
      .groupBy('s.organizationId')
      .addGroupBy('s.eventId')
      .having('bool_or(p.answeredAt IS NOT NULL AND p.answerReportedAt IS NULL)')
      .andHaving('(max(p.answerReportedAt) IS NULL OR max(p.answerReportedAt) <= :quietSince)', { quietSince })
      .limit(limit)
      .getRawMany<{ organizationId: string; eventId: string }>();
  }

  /** The event's answers not yet reported, locked, oldest first. */
  async unreported(manager: EntityManager, organizationId: string, eventId: string): Promise<RoleWithSession[]> {
    const roles = await manager
      .getRepository(SessionPerson)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.session', 's')
      .where('s.organizationId = :organizationId AND s.eventId = :eventId', { organizationId, eventId })
      .andWhere('p.answeredAt IS NOT NULL AND p.answerReportedAt IS NULL')
      .orderBy('p.answeredAt', 'ASC')
      .setLock('pessimistic_write', undefined, ['p'])
      .getMany();
    return roles.map((role) => ({ role, session: role.session }));
  }

  async markReported(manager: EntityManager, roles: { sessionId: string; speakerId: string }[], at: Date): Promise<void> {
    for (const r of roles) await manager.getRepository(SessionPerson).update({ sessionId: r.sessionId, speakerId: r.speakerId }, { answerReportedAt: at });
  }

  /**
   * Roles without an answer on live sessions of events that have not ended, with fewer than
   * `atMost` reminders (the events' own limits are checked by the job): the candidates.
   */
  async waitingForAnswer(now: Date, atMost: number, limit: number): Promise<RoleToRemind[]> {
    return this.m()
      .getRepository(SessionPerson)
      .createQueryBuilder('p')
      .innerJoin('p.session', 's')
      .select(['p.sessionId AS "sessionId"', 'p.speakerId AS "speakerId"', 's.eventId AS "eventId"', 's.organizationId AS "organizationId"'])
      .addSelect(['p.askedAt AS "askedAt"', 'p.remindersSent AS "remindersSent"', 'p.remindedAt AS "remindedAt"'])
      .where("p.answer = 'invited' AND s.status <> 'cancelled' AND s.endsAt > :now AND p.remindersSent < :atMost", { now, atMost })
      .orderBy('p.askedAt', 'ASC')
      .limit(limit)
      .getRawMany<RoleToRemind>();
  }

  /** A speaker's roles still waiting for an answer in one event, locked. */
  async waitingOf(manager: EntityManager, eventId: string, speakerId: string): Promise<RoleWithSession[]> {
    const roles = await manager
      .getRepository(SessionPerson)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.session', 's')
      .where("s.eventId = :eventId AND p.speakerId = :speakerId AND p.answer = 'invited' AND s.status <> 'cancelled'", { eventId, speakerId })
      .orderBy('s.startsAt', 'ASC')
      .setLock('pessimistic_write', undefined, ['p'])
      .getMany();
    return roles.map((role) => ({ role, session: role.session }));
  }

  async markReminded(manager: EntityManager, roles: SessionPerson[], at: Date): Promise<void> {
    for (const r of roles) {
      await manager
        .getRepository(SessionPerson)
        .update({ sessionId: r.sessionId, speakerId: r.speakerId }, { remindersSent: r.remindersSent + 1, remindedAt: at });
    }
  }

  /** Moves the roles of `fromId` onto `toId` (a merge): a session where both hold a role keeps the kept one's. */
  async moveRoles(manager: EntityManager, fromId: string, toId: string): Promise<{ moved: number; dropped: number }> {
    const repo = manager.getRepository(SessionPerson);
    const from = await repo.find({ where: { speakerId: fromId } });
    const both = new Set((await repo.find({ where: { speakerId: toId } })).map((r) => r.sessionId));
    let moved = 0;
    let dropped = 0;
    for (const r of from) {
      if (both.has(r.sessionId)) {
        await repo.delete({ sessionId: r.sessionId, speakerId: fromId });
        dropped++;
      } else {
        await repo.update({ sessionId: r.sessionId, speakerId: fromId }, { speakerId: toId });
        moved++;
      }
    }
    return { moved, dropped };
  }
}
