import { Locale, Localized, pick } from '@palabre/platform';
import type { ChangeKind, SessionRole, SessionStatus, SessionType } from '@palabre/program';

export const SESSION_TYPE_LABELS: Record<SessionType, Localized> = {
  plenary: { fr: 'Plénière', en: 'Plenary' },
  keynote: { fr: 'Conférence', en: 'Keynote' },
  panel: { fr: 'Panel', en: 'Panel' },
  workshop: { fr: 'Atelier', en: 'Workshop' },
  ceremony: { fr: 'Cérémonie', en: 'Ceremony' },
  break: { fr: 'Pause', en: 'Break' },
};

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

export const SESSION_ROLE_LABELS: Record<SessionRole, Localized> = {
  moderator: { fr: 'Modération', en: 'Moderator' },
  panelist: { fr: 'Panéliste', en: 'Panelist' },
  speaker: { fr: 'Intervention', en: 'Speaker' },
  host: { fr: 'Animation', en: 'Host' },
};

export const CHANGE_KIND_LABELS: Record<ChangeKind, Localized> = {
  added: { fr: 'Ajoutée', en: 'Added' },
  moved: { fr: 'Déplacée', en: 'Moved' },
  'room-changed': { fr: 'Changement de salle', en: 'Room changed' },
  'people-changed': { fr: 'Intervenants modifiés', en: 'People changed' },
  'details-changed': { fr: 'Détails modifiés', en: 'Details changed' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
};

export const BLOCKER_LABELS: Record<string, Localized> = {
  PANEL_INCOMPLETE: { fr: 'Panel incomplet : il faut une modération et au moins deux panélistes.', en: 'Incomplete panel: it needs one moderator and at least two panelists.' },
  SESSION_OUTSIDE_EVENT: { fr: "En dehors des dates de l'événement.", en: "Outside the event's dates." },
  SESSION_LONGER_THAN_DAY: { fr: 'Se termine après minuit.', en: 'Ends after midnight.' },
  INVALID_SESSION_TIMES: { fr: 'Horaires incohérents.', en: 'Inconsistent times.' },
};

export function options<K extends string>(labels: Record<K, Localized>, locale: Locale): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: pick(labels[value], locale) }));
}
