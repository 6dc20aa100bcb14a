import { dateFormat, Locale } from '@palabre/platform';

const zones = new Map<string, string>();

/** The zone if this runtime knows it, else UTC: a bad zone in old data must not stop a mail. */
function knownZone(timeZone: string): string {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    try {
      zone = new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
    } catch {
      zone = 'UTC';
    }
    if (zones.size < 1000) zones.set(timeZone, zone);
  }
  return zone;
}

const MOMENT: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };
const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };

/** Formatters are kept (`dateFormat`): a mail batch formats the same few dates thousands of times. */
function formatter(timeZone: string, locale: Locale, style = MOMENT): Intl.DateTimeFormat {
  return dateFormat(locale, knownZone(timeZone), style);
}

/** "heure de Bamako" / "Bamako time": readers know their city better than an offset. */
export function zoneLabel(timeZone: string, locale: Locale): string {
  const zone = knownZone(timeZone);
  if (zone === 'UTC' || !zone.includes('/')) return zone;
  const city = zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');
  return locale === 'en' ? `${city} time` : `heure de ${city}`;
}

function parse(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new TypeError(`not a date: ${JSON.stringify(iso)}`);
  return d;
}

/** A moment in the event's time zone, e.g. "jeudi 12 juin 2025 à 09:00 (heure de Bamako)". */
export function formatMoment(iso: string, timeZone: string, locale: Locale): string {
  return `${formatter(timeZone, locale).format(parse(iso))} (${zoneLabel(timeZone, locale)})`;
}

/** The same few event dates appear in thousands of messages; formatRange is slow enough to remember them. */
const spans = new Map<string, string>();

/** A span in the event's time zone; one day reads "jeudi 12 juin 2025, 09:00 – 17:30 (heure de Bamako)". */
export function formatSpan(startsIso: string, endsIso: string, timeZone: string, locale: Locale): string {
  const key = `${startsIso}|${endsIso}|${timeZone}|${locale}`;
  const known = spans.get(key);
  if (known !== undefined) return known;
  const start = parse(startsIso);
  const end = parse(endsIso);
  const f = formatter(timeZone, locale);
  const text = `${end > start ? f.formatRange(start, end) : f.format(start)} (${zoneLabel(timeZone, locale)})`;
  if (spans.size >= 1000) spans.clear();
  spans.set(key, text);
  return text;
}

/** A day in the event's time zone, e.g. "jeudi 12 juin". */
export function formatDay(iso: string, timeZone: string, locale: Locale): string {
  return formatter(timeZone, locale, DAY).format(parse(iso));
}

/** Subjects are one line: whatever a user typed, no line break reaches the header. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
}
