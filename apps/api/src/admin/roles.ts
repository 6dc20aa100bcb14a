import { Locale, Localized, pick, Role, ROLES } from '@palabre/platform';

/** Each role's name, and what it may do (shown beside the name where a role is chosen). */
const ROLE_WORDS: Record<Role, { label: Localized; hint: Localized }> = {
  owner: { label: { fr: 'Propriétaire', en: 'Owner' }, hint: { fr: 'tout, y compris les rôles des membres', en: 'everything, members’ roles included' } },
  admin: { label: { fr: 'Administration', en: 'Administrator' }, hint: { fr: 'tout sauf changer les rôles', en: 'everything but changing roles' } },
  program: { label: { fr: 'Programme', en: 'Programme' }, hint: { fr: 'salles, parcours, sessions, intervenants', en: 'rooms, tracks, sessions, speakers' } },
  desk: { label: { fr: 'Accueil', en: 'Front desk' }, hint: { fr: "enregistrement à l'entrée", en: 'check-in at the door' } },
  viewer: { label: { fr: 'Lecture seule', en: 'Viewer' }, hint: { fr: 'consultation', en: 'read only' } },
};

export function roleLabel(role: Role, locale: Locale): string {
  return pick(ROLE_WORDS[role].label, locale);
}

export function roleOptions(locale: Locale, roles: readonly Role[] = ROLES) {
  return roles.map((r) => ({ value: r, label: `${roleLabel(r, locale)} — ${pick(ROLE_WORDS[r].hint, locale)}` }));
}
