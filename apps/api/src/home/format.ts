import type { Locale } from '@palabre/platform';

const tag = (l: Locale) => (l === 'fr' ? 'fr-FR' : 'en-GB');

/** "12–13 juin 2026" style, in the event's zone. */
export function formatDateRange(start: Date, end: Date, timeZone: string, locale: Locale): string {
  const f = new Intl.DateTimeFormat(tag(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  return f.formatRange(start, new Date(end.getTime() - 1));
}

export function formatTime(d: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { hour: '2-digit', minute: '2-digit', timeZone }).format(d);
}

export function formatDay(d: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(d);
}
