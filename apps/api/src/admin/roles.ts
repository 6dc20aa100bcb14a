import { Locale, Localized, pick, Role, ROLES } from '@palabre/platform';

/** A member role's name, and what it may do (shown with it wherever a role is chosen). */
const ROLE_TEXTS: Record<Role, { name: Localized; may: Localized }> = {
  owner: { name: { fr: 'Propriétaire', en: 'Owner' }, may: { fr: 'tout, y compris les rôles des membres', en: 'everything, members’ roles included' } },
  admin: { name: { fr: 'Administration', en: 'Administrator' }, may: { fr: 'tout sauf changer les rôles', en: 'everything but changing roles' } },
  program: { name: { fr: 'Programme', en: 'Programme' }, may: { fr: 'salles, parcours, sessions, intervenants', en: 'rooms, tracks, sessions, speakers' } },
  desk: { name: { fr: 'Accueil', en: 'Front desk' }, may: { fr: "enregistrement à l'entrée", en: 'check-in at the door' } },
  viewer: { name: { fr: 'Lecture seule', en: 'Viewer' }, may: { fr: 'consultation', en: 'read only' } },
};

export function roleLabel(role: Role, locale: Locale): string {
  return pick(ROLE_TEXTS[role].name, locale);
}

export function roleOptions(locale: Locale, roles: readonly Role[] = ROLES) {
  return roles.map((r) => ({ value: r, label: `${roleLabel(r, locale)} — ${pick(ROLE_TEXTS[r].may, locale)}` }));
}
