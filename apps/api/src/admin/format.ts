import { dateFormat, Locale } from '@palabre/platform';

const MOMENT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** A moment in the back office: "29 nov. 2026, 07:48 UTC". Organizations have no time zone of their own; events do. */
export function formatMoment(d: Date, locale: Locale): string {
  return `${dateFormat(locale, 'UTC', MOMENT).format(d)} UTC`;
}
