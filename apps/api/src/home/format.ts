import { dateFormat, Locale } from '@palabre/platform';

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };

/** "12–13 juin 2026" style, in the event's zone. */
export function formatDateRange(start: Date, end: Date, timeZone: string, locale: Locale): string {
  return dateFormat(locale, timeZone, DATE).formatRange(start, new Date(end.getTime() - 1));
}

export function formatTime(d: Date, timeZone: string, locale: Locale): string {
  return dateFormat(locale, timeZone, TIME).format(d);
}

export function formatDay(d: Date, timeZone: string, locale: Locale): string {
  return dateFormat(locale, timeZone, DAY).format(d);
}
