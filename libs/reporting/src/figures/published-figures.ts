import { Locale, Localized, pick } from '@palabre/platform';
import type { Breakdown, EventFigures, SessionFigures } from './event-figures';
import { ShownCount, suppressBreakdown, suppressCount, suppressRate } from './suppression';

/** A breakdown as the report and the CSV publish it: small cells withheld column by column. */
export interface PublishedBreakdown {
  category: Breakdown['category'];
  label: Localized;
  rows: { label: Localized; confirmed: ShownCount; checkedIn: ShownCount }[];
}

export interface PublishedSession extends Omit<SessionFigures, 'signedUp' | 'waitlisted' | 'checkedIn' | 'fillRate' | 'attendanceRate'> {
  signedUp: ShownCount;
  waitlisted: ShownCount;
  checkedIn: ShownCount;
  fillRate: number | 'hidden' | null;
  attendanceRate: number | 'hidden' | null;
}

/**
 * What the printed report and the CSV show of the figures: the event's totals and the daily
 * registrations exact; every breakdown cell and every per-session count of people under five
 * withheld (« < 5 »), with the rates drawn from them.
 */
export interface PublishedFigures {
  breakdowns: PublishedBreakdown[];
  sessions: PublishedSession[];
}

export function publishedFigures(f: EventFigures): PublishedFigures {
  return {
    breakdowns: f.breakdowns.map((b) => {
      const confirmed = suppressBreakdown(b.rows.map((r) => r.confirmed));
      const checkedIn = suppressBreakdown(b.rows.map((r) => r.checkedIn));
      return { category: b.category, label: b.label, rows: b.rows.map((r, i) => ({ label: r.label, confirmed: confirmed[i], checkedIn: checkedIn[i] })) };
    }),
    sessions: f.sessions.map((s) => {
      const signedUp = suppressCount(s.signedUp);
      const checkedIn = suppressCount(s.checkedIn);
      return {
        ...s,
        signedUp,
        waitlisted: suppressCount(s.waitlisted),
        checkedIn,
        fillRate: suppressRate(s.fillRate, signedUp),
        attendanceRate: suppressRate(s.attendanceRate, signedUp, checkedIn),
      };
    }),
  };
}

export const WITHHELD: Record<'small' | 'hidden', Localized> = {
  small: { fr: '< 5', en: '< 5' },
  hidden: { fr: 'masqué', en: 'hidden' },
};

/** A published count or rate as text: the number, « < 5 » or « masqué ». */
export function shownText(value: ShownCount, locale: Locale): string {
  return typeof value === 'number' ? String(value) : pick(WITHHELD[value], locale);
}

/** A rate as a percentage with one decimal (83.3), or its withheld text, or empty when there is none. */
export function percentText(rate: number | 'hidden' | null, locale: Locale): string {
  if (rate === null) return '';
  return rate === 'hidden' ? pick(WITHHELD.hidden, locale) : String(Math.round(rate * 1000) / 10);
}

/** What stays exact and what is withheld, for the report and the CSV. */
export const SUPPRESSION_NOTE: Localized = {
  fr:
    'Pour que personne ne puisse être reconnu, chaque case de moins de 5 personnes des répartitions et des chiffres par session est remplacée par « < 5 » ; ' +
    'quand une seule case d’une répartition est dans ce cas, la plus petite autre est « masqué », sinon on la retrouverait par soustraction. ' +
    'Les taux tirés d’une case retenue sont masqués. Restent exacts : les totaux de l’événement (inscriptions reçues, confirmées, en attente de confirmation, ' +
    'en liste d’attente, annulées, expirées, présentes à l’accueil, venues à au moins une session) et les inscriptions reçues par jour.',
  en:
    'So that no one can be singled out, every cell of fewer than 5 people in the breakdowns and the per-session figures reads “< 5”; ' +
    'when a breakdown has a single such cell, its smallest other cell reads “hidden”, or subtraction would give it away. ' +
    'Rates drawn from a withheld cell are hidden. Exact: the event’s totals (registrations received, confirmed, awaiting confirmation, ' +
    'on the waiting list, cancelled, expired, checked in at the entrance, attending one session or more) and registrations received per day.',
};
