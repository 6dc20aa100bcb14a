import { Injectable } from '@nestjs/common';
import { DeepPartial, EntityManager } from 'typeorm';
import { hashSecret } from '@palabre/identity';
import { DataSourceRepository, type Statement } from '@palabre/platform';
import { returned } from '../rows';
import { RegistrationHistoryEntry } from './registration-history.entity';
import { ACTIVE_STATUSES, Registration } from './registration.entity';
import { RegistrationToken } from './registration-token.entity';

/** What a new registration is made of (its id made by the caller; what only later steps set comes from the database). */
export type NewRegistration = Omit<Registration, 'updatedAt' | 'cancelledAt' | 'erasedAt' | 'rosterVersion'>;

/** A new registration as its seat statement left it. */
export interface SettledRegistration {
  status: Registration['status'];
  holdsSeat: boolean;
  waitlistSeq: string | null;
  confirmedAt: Date | null;
}

/**
 * Every query of registrations, their manage tokens and their history. Back-office reads take
 * the organization; participant reads go by the hash of their token. Inside a transaction
 * pass its EntityManager.
 */
@Injectable()
export class RegistrationsRepository extends DataSourceRepository {
  private rows(manager?: EntityManager) {
    return this.m(manager).getRepository(Registration);
  }

  async insert(manager: EntityManager, registration: DeepPartial<Registration>): Promise<Registration> {
    return this.rows(manager).save(this.rows(manager).create(registration));
  }

  /**
   * A new registration and its manage tokens (stored hashed), in one statement — unless the
   * person (email or phone) already has an active registration at the event: then nothing is
   * written and the statement answers no row (rule 3; a race between two first attempts is the
   * unique indexes' to stop). A statement for the caller to send: its id is the caller's, not
   * the database's, so later statements can be written before this one answers.
   */
  insertStatement(r: NewRegistration, tokens: string[]): Statement {
    return {
      sql: `WITH r AS (
         INSERT INTO registrations (id, organization_id, event_id, reference, ticket_code, status, holds_seat, hold_expires_at, waitlist_seq,
           first_name, last_name, email, phone, organization, organization_type, gender, age_group, region, answers, locale,
           consent_text, consented_at, confirmed_at, source, created_at, updated_at)
         SELECT $26, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $24
         WHERE NOT EXISTS (
           SELECT 1 FROM registrations WHERE event_id = $2 AND status IN ('pending', 'confirmed', 'waitlisted') AND (lower(email) = $11 OR phone = $12))
         RETURNING id),
       t AS (INSERT INTO registration_tokens (token_hash, registration_id) SELECT h, r.id FROM r, unnest($25::text[]) AS h)
       SELECT id FROM r`,
      params: [
        r.organizationId,
        r.eventId,
        r.reference,
        r.ticketCode,
        r.status,
        r.holdsSeat,
        r.holdExpiresAt,
        r.waitlistSeq,
        r.firstName,
        r.lastName,
        r.email,
        r.phone,
        r.organization,
        r.organizationType,
        r.gender,
        r.ageGroup,
        r.region,
        JSON.stringify(r.answers),
        r.locale,
        r.consentText === null ? null : JSON.stringify(r.consentText),
        r.consentedAt,
        r.confirmedAt,
        r.source,
        r.createdAt,
        tokens.map(hashSecret),
        r.id,
      ],
    };
  }

  /**
   * The statement that settles a new registration by the seat statement it joins (SeatPools.takeWith:
   * the CTE `seat` has a row when a seat was taken): confirmed with its seat, or pending with the
   * opt-in; without a seat, waiting with the next waiting-list number (or pending, opt-in).
   */
  settledBySeat(
    id: string,
    how: {
      optIn: boolean;
      now: Date;
      history: Omit<RegistrationHistoryEntry, 'id' | 'registrationId' | 'details'> & { details: Record<string, unknown> };
      /** A statement to join, written when the registration is confirmed (its email: OutboxService.insertStatement). */
      whenConfirmed?: (from: number, condition: string) => Statement;
    },
  ): Statement {
    const also = how.whenConfirmed?.(9, `EXISTS (SELECT 1 FROM r WHERE r.status = 'confirmed')`);
    // The history entry of a registration with a seat (or pending) goes in the same statement, its
    // status added; one on the waiting list is recorded next, with its rank (waitlistedStatement),
    // which only a statement that starts after this one (and its lock) can count.
    return {
      sql: `, r AS (
              UPDATE registrations SET
                holds_seat = EXISTS (SELECT 1 FROM seat),
                status = CASE WHEN $2::boolean THEN 'pending' WHEN EXISTS (SELECT 1 FROM seat) THEN 'confirmed' ELSE 'waitlisted' END,
                waitlist_seq = CASE WHEN NOT $2::boolean AND NOT EXISTS (SELECT 1 FROM seat) THEN nextval('registration_waitlist_seq') END,
                confirmed_at = CASE WHEN NOT $2::boolean AND EXISTS (SELECT 1 FROM seat) THEN $3::timestamptz END
              WHERE id = $1
              RETURNING id, status, holds_seat, waitlist_seq, confirmed_at),
            h AS (
              INSERT INTO registration_history (organization_id, registration_id, at, action, actor, details)
              SELECT $4, r.id, $5, $6, $7, $8::jsonb || jsonb_build_object('status', r.status) FROM r WHERE r.status <> 'waitlisted')
            ${also ? `, also AS (${also.sql})` : ''}
            SELECT status, holds_seat AS "holdsSeat", waitlist_seq::text AS "waitlistSeq", confirmed_at AS "confirmedAt" FROM r`,
      params: [
        id,
        how.optIn,
        how.now,
        how.history.organizationId,
        how.history.at,
        how.history.action,
        how.history.actor,
        JSON.stringify(how.history.details),
        ...(also?.params ?? []),
      ],
    };
  }

  async save(manager: EntityManager, registration: Registration): Promise<Registration> {
    return this.rows(manager).save(registration);
  }

  /** The registration a manage token opens, locked for the caller's change when `lock`. */
  async findByToken(token: string, manager?: EntityManager, lock = false): Promise<Registration | null> {
    const qb = this.rows(manager)
      .createQueryBuilder('r')
      .innerJoin(RegistrationToken, 't', 't.registration_id = r.id')
      .where('t.token_hash = :hash', { hash: hashSecret(token) });
    if (lock) qb.setLock('pessimistic_write', undefined, ['r']);
    return qb.getOne();
  }

  async findById(id: string, manager?: EntityManager, lock = false): Promise<Registration | null> {
    return this.rows(manager).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async findByReference(organizationId: string, eventId: string, reference: string, manager?: EntityManager, lock = false): Promise<Registration | null> {
    return this.rows(manager).findOne({
      where: { organizationId, eventId, reference: reference.toUpperCase() },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async findByReferenceAnywhere(manager: EntityManager, reference: string): Promise<Registration> {
    return this.rows(manager).findOneOrFail({ where: { reference } });
  }

  /** The registration still counting for this email or phone at the event (rule 3). */
  async findActive(manager: EntityManager, eventId: string, contact: { email: string | null; phone: string | null }): Promise<Registration | null> {
    if (!contact.email && !contact.phone) return null;
    const qb = this.rows(manager)
      .createQueryBuilder('r')
      .where('r.event_id = :eventId', { eventId })
      .andWhere('r.status IN (:...active)', { active: ACTIVE_STATUSES });
    const who: string[] = [];
    if (contact.email) who.push('lower(r.email) = :email');
    if (contact.phone) who.push('r.phone = :phone');
    return qb.andWhere(`(${who.join(' OR ')})`, { email: contact.email, phone: contact.phone }).getOne();
  }

  /** A new roster version for the registration (its trigger sets it): for changes stored elsewhere. */
  async touch(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE registrations SET roster_version = 0 WHERE id = $1`, [id]);
  }

  /** A new manage token for the registration (stored hashed). */
  async addToken(manager: EntityManager, registrationId: string, token: string): Promise<void> {
    await manager.getRepository(RegistrationToken).insert({ tokenHash: hashSecret(token), registrationId });
  }

  async deleteTokens(manager: EntityManager, registrationId: string): Promise<void> {
    await manager.getRepository(RegistrationToken).delete({ registrationId });
  }

  async nextWaitlistSeq(manager: EntityManager): Promise<string> {
    const [row] = await manager.query<{ seq: string }[]>(`SELECT nextval('registration_waitlist_seq')::text AS seq`);
    return row.seq;
  }

  /** Rank on the event's waiting list (1 = next to get a seat). */
  async waitlistPosition(manager: EntityManager | undefined, eventId: string, seq: string): Promise<number> {
    const [row] = await this.m(manager).query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND status = 'waitlisted' AND waitlist_seq <= $2`,
      [eventId, seq],
    );
    return row.n;
  }

  /**
   * The head of the event's waiting list, moved to `confirmed` with the seat its caller has
   * just taken; null when nobody waits. The guard on the status makes a concurrent change of
   * that registration (cancelled meanwhile) lose nothing: the caller asks again.
   */
  async promoteHead(manager: EntityManager, eventId: string, now: Date): Promise<Registration | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const [head] = await manager.query<{ id: string }[]>(
        `SELECT id FROM registrations WHERE event_id = $1 AND status = 'waitlisted' ORDER BY waitlist_seq LIMIT 1`,
        [eventId],
      );
      if (!head) return null;
      const updated = returned(
        await manager.query(
          `UPDATE registrations SET status = 'confirmed', holds_seat = true, waitlist_seq = NULL, confirmed_at = $2, hold_expires_at = NULL, updated_at = $2
         WHERE id = $1 AND status = 'waitlisted' RETURNING id`,
          [head.id, now],
        ),
      );
      if (updated.length > 0) return this.rows(manager).findOneOrFail({ where: { id: head.id } });
    }
    return null;
  }

  /** Pending registrations whose hold has run out (oldest first). */
  async expiredHolds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM registrations WHERE status = 'pending' AND hold_expires_at <= $1 ORDER BY hold_expires_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * For a registration its seat statement put on the waiting list: its history entry with its
   * rank there, and `mail` (its email: OutboxService.insertStatement) with that rank in its data;
   * nothing for any other status. Answers the rank. It must start after the seat statement, whose
   * lock orders the list, so that its snapshot counts everyone ahead (sent behind it, it does).
   */
  waitlistedStatement(
    id: string,
    entry: Omit<RegistrationHistoryEntry, 'id' | 'registrationId' | 'details'> & { details: Record<string, unknown> },
    mail?: (from: number, condition: string, data: string) => Statement,
  ): Statement {
    const m = mail?.(7, `EXISTS (SELECT 1 FROM w)`, `jsonb_build_object('waitlistPosition', (SELECT position FROM w))`);
    return {
      sql: `WITH w AS (
              SELECT r.id, (SELECT count(*)::int FROM registrations x
                            WHERE x.event_id = r.event_id AND x.status = 'waitlisted' AND x.waitlist_seq <= r.waitlist_seq) AS position
              FROM registrations r WHERE r.id = $1 AND r.status = 'waitlisted'),
            h AS (
              INSERT INTO registration_history (organization_id, registration_id, at, action, actor, details)
              SELECT $2, w.id, $3, $4, $5, $6::jsonb || jsonb_build_object('waitlistPosition', w.position) FROM w)
            ${m ? `, m AS (${m.sql})` : ''}
            SELECT position FROM w`,
      params: [id, entry.organizationId, entry.at, entry.action, entry.actor, JSON.stringify(entry.details), ...(m?.params ?? [])],
    };
  }

  async record(manager: EntityManager, entry: Omit<RegistrationHistoryEntry, 'id' | 'details'> & { details?: Record<string, unknown> }): Promise<void> {
    await manager.getRepository(RegistrationHistoryEntry).insert({ ...entry, details: (entry.details ?? {}) as never });
  }

  async history(organizationId: string, registrationId: string): Promise<RegistrationHistoryEntry[]> {
    return this.dataSource.getRepository(RegistrationHistoryEntry).find({ where: { organizationId, registrationId }, order: { at: 'ASC' } });
  }

  /** Events with confirmed participants reachable by SMS only (the day-before reminder looks at their dates). */
  async eventsWithTexters(): Promise<string[]> {
    const rows = await this.dataSource.query<{ event_id: string }[]>(
      `SELECT DISTINCT event_id FROM registrations WHERE status = 'confirmed' AND email IS NULL AND phone IS NOT NULL AND erased_at IS NULL`,
    );
    return rows.map((r) => r.event_id);
  }

  /** An event's confirmed participants reachable by SMS only, whose reminder was not tried yet (their history says). */
  async textersToRemind(eventId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT r.id FROM registrations r
        WHERE r.event_id = $1 AND r.status = 'confirmed' AND r.email IS NULL AND r.phone IS NOT NULL AND r.erased_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM registration_history h WHERE h.registration_id = r.id AND h.action = 'sms-reminder')
        ORDER BY r.created_at LIMIT 1000`,
      [eventId],
    );
    return rows.map((r) => r.id);
  }
}
