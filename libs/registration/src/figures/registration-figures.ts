import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ENTRANCE } from '../checkins/check-in.entity';
import type { RegistrationStatus } from '../registrations/registration.entity';

/** The categories the figures break down by: a column of `registrations` each. */
export const FIGURE_CATEGORIES = ['gender', 'ageGroup', 'region', 'organizationType'] as const;
export type FigureCategory = (typeof FIGURE_CATEGORIES)[number];

/** One value of a category: how many confirmed registrations have it, and how many of the event's people checked in at the entrance. */
export interface CategoryCount {
  /** The stored value (`female`, `18-24`…; a region in lower case); null: not given. */
  value: string | null;
  /** For a region (free text): its most frequent spelling. */
  label: string | null;
  confirmed: number;
  checkedIn: number;
}

/** One session's rows: sign-ups with a seat, on its waiting list, and check-ins at its door. */
export interface SessionCount {
  sessionId: string;
  signedUp: number;
  waitlisted: number;
  checkedIn: number;
}

/** What the event's figures are counted from, straight from the rows. */
export interface RegistrationCounts {
  byStatus: Record<RegistrationStatus, number>;
  /** People checked in at the entrance. */
  checkedIn: number;
  /** People checked in at one session's door or more. */
  attendedSession: number;
  /** Registrations received per day in the event's time zone (`YYYY-MM-DD`), whatever their status since. */
  byDay: { day: string; count: number }[];
  byCategory: Record<FigureCategory, CategoryCount[]>;
  /** Sessions with a sign-up or a check-in at their door. */
  sessions: SessionCount[];
}

/** An event's three figures for the organization's dashboard. */
export interface EventHeadline {
  eventId: string;
  registrations: number;
  confirmed: number;
  checkedIn: number;
}

const COLUMNS: Record<FigureCategory, string> = {
  gender: 'r.gender',
  ageGroup: 'r.age_group',
  organizationType: 'r.organization_type',
  // Free text: « Bamako », « bamako » and « Bamako  » are one region.
  region: `lower(nullif(trim(r.region), ''))`,
};

/**
 * The rows reporting counts, as aggregates: registrations by status, day and category,
 * check-ins at the entrance and at session doors, workshop sign-ups. Reporting asks here
 * rather than reading registration's tables itself; no name, email or phone leaves.
 */
@Injectable()
export class RegistrationFigures {
  constructor(private readonly dataSource: DataSource) {}

  /** Each event of the organization that has registrations: how many, confirmed, checked in at the entrance. */
  async headlines(organizationId: string): Promise<EventHeadline[]> {
    return this.dataSource.query<EventHeadline[]>(
      `SELECT r.event_id AS "eventId", count(*)::int AS registrations, count(*) FILTER (WHERE r.status = 'confirmed')::int AS confirmed,
              (SELECT count(*)::int FROM check_ins c WHERE c.event_id = r.event_id AND c.door = $2) AS "checkedIn"
         FROM registrations r WHERE r.organization_id = $1 GROUP BY r.event_id`,
      [organizationId, ENTRANCE],
    );
  }

  async counts(eventId: string, timeZone: string): Promise<RegistrationCounts> {
    const q = <T>(sql: string, params: unknown[] = [eventId]) => this.dataSource.query<T[]>(sql, params);
    const statuses = await q<{ status: RegistrationStatus; n: number }>(
      `SELECT status, count(*)::int AS n FROM registrations WHERE event_id = $1 GROUP BY status`,
    );
    const byStatus: Record<RegistrationStatus, number> = { pending: 0, confirmed: 0, waitlisted: 0, cancelled: 0, expired: 0 };
    for (const s of statuses) byStatus[s.status] = s.n;
    const [doors] = await q<{ entrance: number; sessions: number }>(
      `SELECT count(*) FILTER (WHERE door = $2)::int AS entrance, count(DISTINCT registration_id) FILTER (WHERE door <> $2)::int AS sessions
         FROM check_ins WHERE event_id = $1`,
      [eventId, ENTRANCE],
    );
    const byDay = await q<{ day: string; count: number }>(
      `SELECT to_char((created_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS day, count(*)::int AS count
         FROM registrations WHERE event_id = $1 GROUP BY 1 ORDER BY 1`,
      [eventId, timeZone],
    );
    const byCategory = {} as Record<FigureCategory, CategoryCount[]>;
    for (const category of FIGURE_CATEGORIES) {
      byCategory[category] = await q<CategoryCount>(
        `SELECT ${COLUMNS[category]} AS value, ${category === 'region' ? `mode() WITHIN GROUP (ORDER BY trim(r.region))` : 'NULL'} AS label,
                count(*) FILTER (WHERE r.status = 'confirmed')::int AS confirmed, count(c.registration_id)::int AS "checkedIn"
           FROM registrations r LEFT JOIN check_ins c ON c.registration_id = r.id AND c.door = $2
          WHERE r.event_id = $1
          GROUP BY 1 ORDER BY 1 NULLS LAST`,
        [eventId, ENTRANCE],
      );
    }
    const sessions = await q<SessionCount>(
      `SELECT session_id AS "sessionId", sum(signed_up)::int AS "signedUp", sum(waitlisted)::int AS waitlisted, sum(checked_in)::int AS "checkedIn"
         FROM (SELECT session_id::text, count(*) FILTER (WHERE status = 'signed_up') AS signed_up, count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted, 0 AS checked_in
                 FROM session_signups WHERE event_id = $1 GROUP BY session_id
               UNION ALL
               SELECT substr(door, length('session:') + 1), 0, 0, count(*)
                 FROM check_ins WHERE event_id = $1 AND door LIKE 'session:%' GROUP BY door) AS rows
        GROUP BY session_id`,
    );
    return { byStatus, checkedIn: doors?.entrance ?? 0, attendedSession: doors?.sessions ?? 0, byDay, byCategory, sessions };
  }
}
