import { escapeIcsText, foldIcsLine, icsUtc, Locale, pick } from '@palabre/platform';
import type { EventView } from '@palabre/events';
import type { ReleasedSession } from '../releases/snapshot';
import { programLinks } from './program-links';

export interface CalendarInput {
  event: EventView;
  /** The sessions to put in, e.g. the whole release or one speaker's part of it. */
  sessions: ReleasedSession[];
  /** The release number: each VEVENT's SEQUENCE, so calendars take later releases as updates. */
  releaseNumber: number;
  /** The release's time, for DTSTAMP: the same release always gives the same bytes. */
  publishedAt: Date;
  publicUrl: string;
  locale: Locale;
  name: string;
}

/**
 * The sessions as an iCalendar (RFC 5545) document: CRLF line ends, folded lines, escaped
 * text, times in UTC with the event's zone named in X-WR-TIMEZONE, a UID per session that
 * never changes, and cancelled sessions kept as STATUS:CANCELLED so subscribed calendars drop them.
 */
export function renderICalendar(input: CalendarInput): string {
  const { event, locale, publicUrl } = input;
  const host = new URL(publicUrl).hostname || 'palabre.local';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Palabre//Palabre programme//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(input.name)}`,
    `X-WR-TIMEZONE:${event.timeZone}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  for (const s of input.sessions) {
    const people = s.people.map((p) => `${p.name} (${roleName(p.role, locale)})`);
    const description = [pick(s.abstract, locale), people.join(', ')].filter(Boolean).join('\n\n');
    const location = [s.room?.name, event.venueName].filter(Boolean).join(', ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.id}@${host}`,
      `DTSTAMP:${icsUtc(input.publishedAt)}`,
      `SEQUENCE:${input.releaseNumber}`,
      `DTSTART:${icsUtc(new Date(s.startsAt))}`,
      `DTEND:${icsUtc(new Date(s.endsAt))}`,
      `SUMMARY:${escapeIcsText(pick(s.title, locale))}`,
      ...(description ? [`DESCRIPTION:${escapeIcsText(description)}`] : []),
      ...(location ? [`LOCATION:${escapeIcsText(location)}`] : []),
      ...(s.track ? [`CATEGORIES:${escapeIcsText(pick(s.track.name, locale))}`] : []),
      `STATUS:${s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      `URL:${programLinks.session(publicUrl, event.slug, s.number)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

function roleName(role: ReleasedSession['people'][number]['role'], locale: Locale): string {
  const names = {
    fr: { moderator: 'modération', panelist: 'panéliste', speaker: 'intervenant·e', host: 'animation' },
    en: { moderator: 'moderator', panelist: 'panelist', speaker: 'speaker', host: 'host' },
  };
  return names[locale][role];
}
