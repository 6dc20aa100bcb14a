import type { Locale } from './locale';

/** How each locale writes dates: French as in France, English as in Britain (24-hour clock, day first). */
const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Formatters by style (the caller's constant), then by locale and zone. */
const formatters = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

/** Zones are those of events and the few fixed ones; a style that meets more forgets them all. */
const MAX_PER_STYLE = 1000;

/**
 * The formatter of `style` in the locale and time zone, built once per process: building one
 * costs about a millisecond, far more than using it, and a page or a mail batch formats
 * hundreds of dates. `style` must be a constant of the caller's module, since formatters are
 * kept by it; `timeZone` one this runtime knows (`isTimeZone`), else RangeError.
 */
export function dateFormat(locale: Locale, timeZone: string, style: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let kept = formatters.get(style);
  if (!kept) formatters.set(style, (kept = new Map()));
  const key = `${locale}|${timeZone}`;
  let f = kept.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...style, timeZone });
    if (kept.size >= MAX_PER_STYLE) kept.clear();
    kept.set(key, f);
  }
  return f;
}

/** An IANA time zone that this runtime knows (e.g. `Africa/Bamako`), of at most 64 characters. */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
