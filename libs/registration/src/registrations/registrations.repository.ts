import { Injectable } from '@nestjs/common';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { hashSecret } from '@palabre/identity';
import { returned } from '../rows';
import { RegistrationHistoryEntry } from './registration-history.entity';
import { ACTIVE_STATUSES, Registration } from './registration.entity';
import { RegistrationToken } from './registration-token.entity';

/**
 * Every query of registrations, their manage tokens and their history. Back-office reads take
 * the organization; participant reads go by the hash of their token. Inside a transaction
 * pass its EntityManager.
 */
@Injectable()
export class RegistrationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private rows(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Registration);
  }

  async insert(manager: EntityManager, registration: DeepPartial<Registration>): Promise<Registration> {
    return this.rows(manager).save(this.rows(manager).create(registration));
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
    const [row] = await (manager ?? this.dataSource.manager).query<{ n: number }[]>(
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

  async record(manager: EntityManager, entry: Omit<RegistrationHistoryEntry, 'id' | 'details'> & { details?: Record<string, unknown> }): Promise<void> {
    await manager.getRepository(RegistrationHistoryEntry).insert({ ...entry, details: (entry.details ?? {}) as never });
  }

  async history(organizationId: string, registrationId: string): Promise<RegistrationHistoryEntry[]> {
    return this.dataSource.getRepository(RegistrationHistoryEntry).find({ where: { organizationId, registrationId }, order: { at: 'ASC' } });
  }
}
