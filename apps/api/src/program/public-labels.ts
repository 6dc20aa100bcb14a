import { dateFormat, Locale, Localized } from '@palabre/platform';

/** Words of the public program pages, French first (the session words are the program lib's). */
export { SESSION_TYPE_LABELS, SESSION_ROLE_LABELS as ROLE_LABELS, CHANGE_KIND_LABELS as CHANGE_LABELS } from '@palabre/program';

export const DETAIL_FIELD_LABELS: Record<string, Localized> = {
  title: { fr: 'titre', en: 'title' },
  abstract: { fr: 'résumé', en: 'abstract' },
  type: { fr: 'type', en: 'type' },
  track: { fr: 'parcours', en: 'track' },
  language: { fr: 'langue', en: 'language' },
  capacity: { fr: 'nombre de places', en: 'number of seats' },
};

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

/** Dates in the event's zone, capitalized ("Lundi 10 juin"). */
export function formatDate(instant: Date, timeZone: string, locale: Locale, kind: DateKind): string {
  return capitalize(dateFormat(locale, timeZone, dateFormats[kind]).format(instant));
}

/** A date inside a sentence: French writes "lundi 28 décembre" in lower case; English keeps its capitals. */
export const inSentence = (text: string, locale: Locale) => (locale === 'fr' ? text.toLocaleLowerCase('fr') : text);

/** French puts a space before a colon; English does not. */
export const colon = (locale: Locale) => (locale === 'fr' ? ' : ' : ': ');
export const semicolon = (locale: Locale) => (locale === 'fr' ? ' ; ' : '; ');
