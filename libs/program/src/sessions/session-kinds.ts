export const SESSION_TYPES = ['plenary', 'keynote', 'panel', 'workshop', 'ceremony', 'break'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export const SESSION_STATUSES = ['draft', 'confirmed', 'cancelled'] as const;
/** `draft`: tentative, kept out of releases; `confirmed`: released; `cancelled`: shown as cancelled once released. */
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** The schedule2 roles of a person on a session. */
export const SESSION_ROLES = ['moderator', 'panelist', 'speaker', 'host'] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

/** A speaker's answer to a role: asked (`invited`), `accepted` or `declined`. */
export const ROLE_ANSWERS = ['invited', 'accepted', 'declined'] as const;
export type RoleAnswer = (typeof ROLE_ANSWERS)[number];
