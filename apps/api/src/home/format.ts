import type { Locale } from '@palabre/platform';

const tag = (l: Locale) => (l === 'fr' ? 'fr-FR' : 'en-GB');

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per (locale, zone, style): building one costs far more than using it, and the grid formats every session. */
function formatter(locale: Locale, timeZone: string, style: 'date' | 'time' | 'day'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'date' ? { day: 'numeric', month: 'long', year: 'numeric' } : style === 'time' ? { hour: '2-digit', minute: '2-digit' } : { weekday: 'long', day: 'numeric', month: 'long' };
    f = new Intl.DateTimeFormat(tag(locale), { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** "12–13 juin 2026" style, in the event's zone. */
export function formatDateRange(start: Date, end: Date, timeZone: string, locale: Locale): string {
  return formatter(locale, timeZone, 'date').formatRange(start, new Date(end.getTime() - 1));
}

export function formatTime(d: Date, timeZone: string, locale: Locale): string {
  return formatter(locale, timeZone, 'time').format(d);
}

export function formatDay(d: Date, timeZone: string, locale: Locale): string {
  return formatter(locale, timeZone, 'day').format(d);
}
