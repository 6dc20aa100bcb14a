import type { Locale } from '@palabre/platform';

/** A moment in the back office: "29 nov. 2026, 07:48 UTC". Organizations have no time zone of their own; events do. */
export function formatMoment(d: Date, locale: Locale): string {
  const text = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);
  return `${text} UTC`;
}
