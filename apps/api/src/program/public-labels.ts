import type { Locale, Localized } from '@palabre/platform';
import { pick } from '@palabre/platform';
import type { ChangeKind, SessionRole, SessionType } from '@palabre/program';

/** Words of the public program pages, French first. */
export const SESSION_TYPE_LABELS: Record<SessionType, Localized> = {
  plenary: { fr: 'Plénière', en: 'Plenary' },
  keynote: { fr: 'Conférence', en: 'Keynote' },
  panel: { fr: 'Panel', en: 'Panel' },
  workshop: { fr: 'Atelier', en: 'Workshop' },
  ceremony: { fr: 'Cérémonie', en: 'Ceremony' },
  break: { fr: 'Pause', en: 'Break' },
};

/** A role's name for one person and for several. */
export const ROLE_LABELS: Record<SessionRole, { one: Localized; many: Localized }> = {
  moderator: { one: { fr: 'Modération', en: 'Moderator' }, many: { fr: 'Modération', en: 'Moderators' } },
  panelist: { one: { fr: 'Panéliste', en: 'Panelist' }, many: { fr: 'Panélistes', en: 'Panelists' } },
  speaker: { one: { fr: 'Intervenant·e', en: 'Speaker' }, many: { fr: 'Intervenant·es', en: 'Speakers' } },
  host: { one: { fr: 'Animation', en: 'Host' }, many: { fr: 'Animation', en: 'Hosts' } },
};

export const CHANGE_LABELS: Record<ChangeKind, Localized> = {
  added: { fr: 'Ajoutée', en: 'Added' },
  moved: { fr: 'Déplacée', en: 'Moved' },
  'room-changed': { fr: 'Changement de salle', en: 'Room changed' },
  'people-changed': { fr: 'Intervenants modifiés', en: 'People changed' },
  'details-changed': { fr: 'Détails modifiés', en: 'Details changed' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
};

export const DETAIL_FIELD_LABELS: Record<string, Localized> = {
  title: { fr: 'titre', en: 'title' },
  abstract: { fr: 'résumé', en: 'abstract' },
  type: { fr: 'type', en: 'type' },
  track: { fr: 'parcours', en: 'track' },
  language: { fr: 'langue', en: 'language' },
  capacity: { fr: 'nombre de places', en: 'number of seats' },
};

export const tr = (locale: Locale) => (fr: string, en: string) => pick({ fr, en }, locale);

const capitalize = (s: string) => (s ? s[0].toLocaleUpperCase('fr') + s.slice(1) : s);

const displayNames = new Map<Locale, Intl.DisplayNames>();

/** `bm` → "Bambara" / "Bambara", `fr` → "Français" / "French"; an unknown code stays as it is. */
export function languageName(code: string, locale: Locale): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    displayNames.set(locale, names);
  }
  try {
    return capitalize(names.of(code) ?? code);
  } catch {
    return code;
  }
}

type DateKind = 'day' | 'date' | 'dateTime';
const dateFormats: Record<DateKind, Intl.DateTimeFormatOptions> = {
  day: { weekday: 'long', day: 'numeric', month: 'long' },
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Dates in the event's zone; formatters are kept, since building one costs far more than using it. */
export function formatDate(instant: Date, timeZone: string, locale: Locale, kind: DateKind): string {
  const key = `${locale}|${timeZone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { ...dateFormats[kind], timeZone });
    formatters.set(key, f);
  }
  return capitalize(f.format(instant));
}

/** A date inside a sentence: French writes "lundi 28 décembre" in lower case; English keeps its capitals. */
export const inSentence = (text: string, locale: Locale) => (locale === 'fr' ? text.toLocaleLowerCase('fr') : text);

/** French puts a space before a colon; English does not. */
export const colon = (locale: Locale) => (locale === 'fr' ? ' : ' : ': ');
export const semicolon = (locale: Locale) => (locale === 'fr' ? ' ; ' : '; ');
