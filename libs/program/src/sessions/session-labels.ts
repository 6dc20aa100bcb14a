import type { Localized } from '@palabre/platform';
import type { ChangeKind } from '../releases/changelog';
import type { SessionRole, SessionType } from './session-kinds';
import catalog from '../program.labels.json';

/** The forum's words for the kinds of session, French first: one list for the public pages and the back-office. */
export const SESSION_TYPE_LABELS: Record<SessionType, Localized> = catalog.sessionTypes;

/** A role's name for one person and for several. */
export const SESSION_ROLE_LABELS: Record<SessionRole, { one: Localized; many: Localized }> = catalog.sessionRoles;

/** What a release did to a session, as the changelog says it. */
export const CHANGE_KIND_LABELS: Record<ChangeKind, Localized> = catalog.changeKinds;
