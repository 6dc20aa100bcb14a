import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DataSourceRepository } from '@palabre/platform';
import { returned } from '../rows';
import { SessionSignup, SignupStatus } from './session-signup.entity';

export interface SignupWithPosition {
  sessionId: string;
  status: SignupStatus;
  /** Rank on the workshop's waiting list, when waiting. */
  waitlistPosition: number | null;
}

/** Every query of workshop sign-ups. Inside a transaction pass its EntityManager. */
@Injectable()
export class SignupsRepository extends DataSourceRepository {
  private rows(manager?: EntityManager) {
    return this.m(manager).getRepository(SessionSignup);
  }

  async forRegistration(registrationId: string, manager?: EntityManager): Promise<SignupWithPosition[]> {
    return this.m(manager).query<SignupWithPosition[]>(
      `SELECT s.session_id AS "sessionId", s.status,
              CASE WHEN s.status = 'waitlisted' THEN (SELECT count(*)::int FROM session_signups w
                 WHERE w.session_id = s.session_id AND w.status = 'waitlisted' AND w.waitlist_seq <= s.waitlist_seq) END AS "waitlistPosition"
         FROM session_signups s WHERE s.registration_id = $1 ORDER BY s.created_at`,
      [registrationId],
    );
  }

  async insert(manager: EntityManager, signup: Omit<SessionSignup, 'createdAt' | 'rosterVersion'>): Promise<void> {
    await this.rows(manager).insert(signup);
  }

  /**
   * The sign-up a workshop's seat statement settles (SeatPools.takeWith: the CTE `seat` has a row
   * when a seat was taken): with the seat, or on the waiting list with the next number, drawn
   * under the pool's lock so that the numbers follow the order the seats were asked for.
   */
  signUpBySeat(s: { registrationId: string; sessionId: string; organizationId: string; eventId: string }): { sql: string; params: unknown[] } {
    return {
      sql: `INSERT INTO session_signups (registration_id, session_id, organization_id, event_id, status, waitlist_seq)
            SELECT $1, $2, $3, $4,
              CASE WHEN EXISTS (SELECT 1 FROM seat) THEN 'signed_up' ELSE 'waitlisted' END,
              CASE WHEN NOT EXISTS (SELECT 1 FROM seat) THEN nextval('registration_waitlist_seq') END
            RETURNING status`,
      params: [s.registrationId, s.sessionId, s.organizationId, s.eventId],
    };
  }

  /** Removes the sign-ups; returns the sessions where a seat was held. */
  async remove(manager: EntityManager, registrationId: string, sessionIds: string[]): Promise<string[]> {
    if (sessionIds.length === 0) return [];
    const deleted = returned<{ session_id: string; status: SignupStatus }>(
      await manager.query(`DELETE FROM session_signups WHERE registration_id = $1 AND session_id = ANY($2::uuid[]) RETURNING session_id, status`, [
        registrationId,
        sessionIds,
      ]),
    );
    return deleted.filter((r) => r.status === 'signed_up').map((r) => r.session_id);
  }

  /**
   * The head of a workshop's waiting list, moved to a seat its caller has just taken, with the
   * waiting-list number it left; null when nobody waits.
   */
  async promoteHead(manager: EntityManager, sessionId: string): Promise<{ registrationId: string; fromWaitlistSeq: string } | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const [head] = await manager.query<{ registration_id: string; waitlist_seq: string }[]>(
        `SELECT registration_id, waitlist_seq::text FROM session_signups WHERE session_id = $1 AND status = 'waitlisted' ORDER BY waitlist_seq LIMIT 1`,
        [sessionId],
      );
      if (!head) return null;
      const updated = returned(
        await manager.query(
          `UPDATE session_signups SET status = 'signed_up', waitlist_seq = NULL WHERE session_id = $1 AND registration_id = $2 AND status = 'waitlisted' RETURNING 1`,
          [sessionId, head.registration_id],
        ),
      );
      if (updated.length > 0) return { registrationId: head.registration_id, fromWaitlistSeq: head.waitlist_seq };
    }
    return null;
  }

  /** People signed up (with a seat) to any of these sessions, with those sessions, for program-change mail. */
  async signedUpTo(manager: EntityManager, eventId: string, sessionIds: string[]) {
    return manager.query<{ email: string | null; phone: string | null; first_name: string; last_name: string; locale: string; session_ids: string[] }[]>(
      `SELECT r.email, r.phone, r.first_name, r.last_name, r.locale, array_agg(s.session_id::text) AS session_ids
         FROM session_signups s JOIN registrations r ON r.id = s.registration_id
        WHERE s.event_id = $1 AND s.session_id = ANY($2::uuid[]) AND s.status = 'signed_up'
          AND r.status IN ('pending', 'confirmed') AND (r.email IS NOT NULL OR r.phone IS NOT NULL)
        GROUP BY r.id`,
      [eventId, sessionIds],
    );
  }
}
