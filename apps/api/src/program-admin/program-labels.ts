import { Locale, Localized, pick } from '@palabre/platform';
import { SESSION_ROLE_LABELS as ROLE_NAMES } from '@palabre/program';
import type { SessionRole, SessionStatus } from '@palabre/program';

export { SESSION_TYPE_LABELS, CHANGE_KIND_LABELS } from '@palabre/program';

export const SESSION_STATUS_LABELS: Record<SessionStatus, Localized> = {
  confirmed: { fr: 'Confirmée', en: 'Confirmed' },
  draft: { fr: 'Brouillon (hors publication)', en: 'Draft (not released)' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
};

/** The short marks the grid puts on sessions that are not plainly confirmed. */
export const SESSION_STATUS_MARKS: Record<SessionStatus, Localized> = {
  confirmed: { fr: 'Confirmée', en: 'Confirmed' },
  draft: { fr: 'Brouillon', en: 'Draft' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
};

/** One person's role, as the session form and the grid name it. */
export const SESSION_ROLE_LABELS: Record<SessionRole, Localized> = Object.fromEntries(
  (Object.keys(ROLE_NAMES) as SessionRole[]).map((role) => [role, ROLE_NAMES[role].one]),
) as Record<SessionRole, Localized>;

export const BLOCKER_LABELS: Record<string, Localized> = {
  PANEL_INCOMPLETE: {
    fr: 'Panel incomplet : il faut une modération et au moins deux panélistes.',
    en: 'Incomplete panel: it needs one moderator and at least two panelists.',
  },
  SESSION_OUTSIDE_EVENT: { fr: "En dehors des dates de l'événement.", en: "Outside the event's dates." },
  SESSION_LONGER_THAN_DAY: { fr: 'Se termine après minuit.', en: 'Ends after midnight.' },
  INVALID_SESSION_TIMES: { fr: 'Horaires incohérents.', en: 'Inconsistent times.' },
};

export function options<K extends string>(labels: Record<K, Localized>, locale: Locale): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: pick(labels[value], locale) }));
}
