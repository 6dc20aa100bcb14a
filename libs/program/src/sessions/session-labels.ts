import type { Localized } from '@palabre/platform';
import type { ChangeKind } from '../releases/changelog';
import type { SessionRole, SessionType } from './session-kinds';

/** The forum's words for the kinds of session, French first: one list for the public pages and the back-office. */
export const SESSION_TYPE_LABELS: Record<SessionType, Localized> = {
  plenary: { fr: 'Plénière', en: 'Plenary' },
  keynote: { fr: 'Conférence', en: 'Keynote' },
  panel: { fr: 'Panel', en: 'Panel' },
  workshop: { fr: 'Atelier', en: 'Workshop' },
  ceremony: { fr: 'Cérémonie', en: 'Ceremony' },
  break: { fr: 'Pause', en: 'Break' },
};

/** A role's name for one person and for several. */
export const SESSION_ROLE_LABELS: Record<SessionRole, { one: Localized; many: Localized }> = {
  moderator: { one: { fr: 'Modération', en: 'Moderator' }, many: { fr: 'Modération', en: 'Moderators' } },
  panelist: { one: { fr: 'Panéliste', en: 'Panelist' }, many: { fr: 'Panélistes', en: 'Panelists' } },
  speaker: { one: { fr: 'Intervenant·e', en: 'Speaker' }, many: { fr: 'Intervenant·es', en: 'Speakers' } },
  host: { one: { fr: 'Animation', en: 'Host' }, many: { fr: 'Animation', en: 'Hosts' } },
};

/** What a release did to a session, as the changelog says it. */
export const CHANGE_KIND_LABELS: Record<ChangeKind, Localized> = {
  added: { fr: 'Ajoutée', en: 'Added' },
  moved: { fr: 'Déplacée', en: 'Moved' },
  'room-changed': { fr: 'Changement de salle', en: 'Room changed' },
  'people-changed': { fr: 'Intervenants modifiés', en: 'People changed' },
  'details-changed': { fr: 'Détails modifiés', en: 'Details changed' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
};
