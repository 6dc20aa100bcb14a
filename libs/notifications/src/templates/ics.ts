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

/** TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545 §3.3.11). */
export function escapeIcsText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters have no place in a calendar
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
  );
}

/** UTC date-time form, e.g. 20250612T090000Z. */
export function icsUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 sequence (§3.1). */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
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
