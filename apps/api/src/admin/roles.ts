import { Locale, pick, Role, ROLES } from '@palabre/platform';

const ROLE_LABELS: Record<Role, { fr: string; en: string }> = {
  owner: { fr: 'Propriétaire', en: 'Owner' },
  admin: { fr: 'Administration', en: 'Administrator' },
  program: { fr: 'Programme', en: 'Programme' },
  desk: { fr: 'Accueil', en: 'Front desk' },
  viewer: { fr: 'Lecture seule', en: 'Viewer' },
};

const ROLE_HINTS: Record<Role, { fr: string; en: string }> = {
  owner: { fr: 'tout, y compris les rôles des membres', en: 'everything, members’ roles included' },
  admin: { fr: 'tout sauf changer les rôles', en: 'everything but changing roles' },
  program: { fr: 'salles, parcours, sessions, intervenants', en: 'rooms, tracks, sessions, speakers' },
  desk: { fr: "enregistrement à l'entrée", en: 'check-in at the door' },
  viewer: { fr: 'consultation', en: 'read only' },
};

export function roleLabel(role: Role, locale: Locale): string {
  return pick(ROLE_LABELS[role], locale);
}

export function roleOptions(locale: Locale, roles: readonly Role[] = ROLES) {
  return roles.map((r) => ({ value: r, label: `${roleLabel(r, locale)} — ${pick(ROLE_HINTS[r], locale)}` }));
}
