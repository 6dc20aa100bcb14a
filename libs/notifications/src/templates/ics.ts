import { escapeIcsText, foldIcsLine, icsUtc } from '@palabre/platform';

/** One event of an iCalendar file (RFC 5545). */
export interface CalendarEntry {
  /** Stable for the same registration, so a calendar updates the entry instead of doubling it. */
  uid: string;
  /** When the entry was created (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
}

/** A whole calendar with one event or more (a participant's agenda), CRLF line endings; `name` titles it in calendar apps. */
export function icsCalendar(entries: CalendarEntry | CalendarEntry[], options: { language?: string; name?: string } = {}): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Palabre//Palabre//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeIcsText(options.name)}`);
  for (const entry of Array.isArray(entries) ? entries : [entries]) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(entry.uid)}`,
      `DTSTAMP:${icsUtc(entry.stamp)}`,
      `DTSTART:${icsUtc(entry.start)}`,
      `DTEND:${icsUtc(entry.end > entry.start ? entry.end : entry.start)}`,
      `SUMMARY${options.language ? `;LANGUAGE=${options.language}` : ''}:${escapeIcsText(entry.summary)}`,
    );
    if (entry.location) lines.push(`LOCATION:${escapeIcsText(entry.location)}`);
    if (entry.description) lines.push(`DESCRIPTION:${escapeIcsText(entry.description)}`);
    // A URI value is not TEXT: it is not escaped, but it must not break the line.
    if (entry.url) lines.push(`URL:${entry.url.replace(/[\r\n]/g, '')}`);
    lines.push('STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
