import type { Localized } from '@palabre/platform';
import type { SessionType } from '@palabre/program';
import type { FigureCategory } from '@palabre/registration';

/** One value of a breakdown: its label, confirmed registrations with it, and people with it checked in at the entrance. */
export interface BreakdownRow {
  /** The stored value; null: not given. */
  value: string | null;
  label: Localized;
  confirmed: number;
  checkedIn: number;
}

export interface Breakdown {
  category: FigureCategory;
  label: Localized;
  rows: BreakdownRow[];
}

/** One session's figures: seats, sign-ups, its waiting list and who came through its door. */
export interface SessionFigures {
  id: string;
  title: Localized;
  type: SessionType | null;
  startsAt: string | null;
  endsAt: string | null;
  room: string | null;
  /** Seats of a workshop; null: no sign-up limit. */
  capacity: number | null;
  signedUp: number;
  waitlisted: number;
  checkedIn: number;
  /** Signed up / capacity; null without a capacity. */
  fillRate: number | null;
  /** Checked in at its door / signed up; null when nobody signed up. */
  attendanceRate: number | null;
}

/**
 * The figures of one event (domain.md, "Statistics"), counted from the rows: what the
 * dashboard, the API, the CSV and the printed report all show (the last two with small cells
 * withheld).
 */
export interface EventFigures {
  event: { slug: string; title: Localized; timeZone: string; startsAt: Date; endsAt: Date; capacity: number | null };
  generatedAt: Date;
  totals: {
    /** Every registration received, whatever became of it. */
    registrations: number;
    pending: number;
    confirmed: number;
    waitlisted: number;
    cancelled: number;
    expired: number;
    /** People checked in at the entrance. */
    checkedIn: number;
    /** Checked in / confirmed; null when nobody is confirmed. */
    checkInRate: number | null;
    /** People checked in at one session's door or more. */
    attendedSession: number;
  };
  /** Registrations received per day in the event's time zone, and the running total. */
  byDay: { day: string; count: number; cumulative: number }[];
  breakdowns: Breakdown[];
  sessions: SessionFigures[];
}

/** A ratio rounded to four decimals (0.8333), or null when there is nothing to divide by. */
export function ratio(part: number, whole: number | null): number | null {
  return whole ? Math.round((part / whole) * 10_000) / 10_000 : null;
}
