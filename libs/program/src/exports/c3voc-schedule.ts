import { Locale, pick } from '@palabre/platform';
import type { EventView } from '@palabre/events';
import type { PublishedProgram } from '../published/published-program.service';
import type { ReleasedSession } from '../releases/snapshot';
import type { SessionRole } from '../sessions/session-kinds';
import { eventDays, formatDuration, localDate, localTime, toZonedIso } from '../time/zoned-time';
import { programLinks, slugText, uuidV5 } from './program-links';

/** schedule2's person roles: a panelist speaks on the panel. */
const C3VOC_ROLE: Record<SessionRole, 'MODERATOR' | 'SPEAKER' | 'HOST'> = {
  moderator: 'MODERATOR',
  panelist: 'SPEAKER',
  speaker: 'SPEAKER',
  host: 'HOST',
};

export interface ScheduleInput {
  event: EventView;
  program: PublishedProgram | null;
  publicUrl: string;
  locale: Locale;
  generator: { name: string; version: string };
}

/** The event's acronym as c3voc wants it: lowercase letters, digits and underscores, at least four. */
export function c3vocAcronym(acronym: string): string {
  const a = acronym
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return a.length >= 4 ? a : (a + '_event').slice(0, Math.max(4, a.length + 6));
}

/** `#abc`, `abc`, `#aabbccdd` → `#aabbcc` (the schemas want six hex digits). */
export function sixDigitColour(colour: string): string {
  let hex = colour.replace(/^#/, '').toLowerCase();
  if (hex.length === 3 || hex.length === 4) hex = [...hex.slice(0, 3)].map((c) => c + c).join('');
  return `#${hex.slice(0, 6).padEnd(6, '0')}`;
}

function trackSlug(name: string, index: number): string {
  const s = slugText(name);
  return /^[a-z][a-z0-9-]*[a-z0-9]$/.test(s) ? s : `track-${index + 1}${s ? `-${s}` : ''}`.replace(/-+$/, '');
}

interface C3vocPerson {
  guid: string;
  id: number;
  name: string;
  role: 'MODERATOR' | 'SPEAKER' | 'HOST';
  biography: string | null;
}

export interface C3vocEvent {
  guid: string;
  id: number;
  date: string;
  start: string;
  duration: string;
  end: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string | null;
  type: string;
  language: string;
  abstract: string;
  description: string;
  persons: C3vocPerson[];
  links: never[];
}

export interface C3vocRoom {
  name: string;
  guid: string;
  capacity: number | null;
}

export interface C3vocDay {
  index: number;
  date: string;
  day_start: string;
  day_end: string;
  rooms: Record<string, C3vocEvent[]>;
}

export interface C3vocSchedule {
  $schema: string;
  generator: { name: string; version: string; url?: string };
  schedule: {
    version: string;
    base_url: string;
    conference: {
      acronym: string;
      title: string;
      description: string;
      start: string;
      end: string;
      daysCount: number;
      timeslot_duration: string;
      time_zone_name: string;
      url: string;
      colors: { primary: string };
      tracks: { name: string; slug: string; color: string }[];
      rooms: C3vocRoom[];
      days: C3vocDay[];
    };
  };
}

/**
 * The latest release in the c3voc/frab schedule model (read by Giggity, EventFahrplan…),
 * which both schedule.json and schedule.xml render. Cancelled sessions are left out; sessions
 * without a room are put in a room named after the venue. Everything derives from the
 * release and the event, so the same release always gives the same bytes.
 */
export function buildC3vocSchedule(input: ScheduleInput): C3vocSchedule {
  const { event, program, publicUrl, locale } = input;
  const tz = event.timeZone;
  const acronym = c3vocAcronym(event.acronym);
  const snapshot = program?.snapshot;
  const sessions = (snapshot?.sessions ?? []).filter((s) => s.status !== 'cancelled');
  const speakers = new Map((snapshot?.speakers ?? []).map((s) => [s.id, s]));
  const tracks = snapshot?.tracks ?? [];

  const rooms: C3vocRoom[] = (snapshot?.rooms ?? []).map((r) => ({ name: r.name, guid: r.id, capacity: r.capacity }));
  const hall: C3vocRoom = { name: event.venueName || (locale === 'en' ? 'Venue' : 'Lieu'), guid: uuidV5(`palabre:${event.id}:no-room`), capacity: null };
  const roomOf = (s: ReleasedSession) => (s.room ? s.room.name : hall.name);
  if (sessions.some((s) => !s.room) && !rooms.some((r) => r.name === hall.name)) rooms.push(hall);

  const toEvent = (s: ReleasedSession): C3vocEvent => {
    const startsAt = new Date(s.startsAt);
    const endsAt = new Date(s.endsAt);
    const title = pick(s.title, locale);
    const roles = (role: SessionRole) => s.people.filter((p) => p.role === role).map((p) => p.name);
    return {
      guid: s.id,
      id: s.number,
      date: toZonedIso(startsAt, tz),
      start: localTime(startsAt, tz),
      duration: formatDuration(Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000)),
      end: toZonedIso(endsAt, tz),
      room: roomOf(s),
      slug: `${acronym}-${s.number}-${slugText(title) || 'session'}`.replace(/-+$/, ''),
      url: programLinks.session(publicUrl, event.slug, s.number),
      title,
      subtitle: '',
      track: s.track ? pick(s.track.name, locale) : null,
      type: s.type,
      language: s.language,
      abstract: pick(s.abstract, locale),
      description: describeRoles(locale, roles('moderator'), roles('panelist'), roles('host')),
      // Moderators first, as a programme lists a panel.
      persons: [...s.people]
        .sort((a, b) => Number(b.role === 'moderator') - Number(a.role === 'moderator'))
        .map((p) => ({
          guid: p.speakerId,
          id: speakers.get(p.speakerId)?.number ?? 0,
          name: p.name,
          role: C3VOC_ROLE[p.role],
          biography: speakers.get(p.speakerId) ? pick(speakers.get(p.speakerId)!.bio, locale) || null : null,
        })),
      links: [],
    };
  };

  const days: C3vocDay[] = eventDays(event).map((d) => {
    const rooms_: Record<string, C3vocEvent[]> = {};
    for (const r of rooms) rooms_[r.name] = [];
    for (const s of sessions) {
      if (localDate(new Date(s.startsAt), tz) === d.date) rooms_[roomOf(s)].push(toEvent(s));
    }
    return { index: d.index, date: d.date, day_start: toZonedIso(d.start, tz), day_end: toZonedIso(d.end, tz), rooms: rooms_ };
  });

  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: input.generator.name, version: input.generator.version },
    schedule: {
      version: program ? String(program.number) : '0',
      base_url: `${publicUrl}/`,
      conference: {
        acronym,
        title: pick(event.title, locale),
        description: pick(event.description, locale),
        start: localDate(event.startsAt, tz),
        end: localDate(new Date(event.endsAt.getTime() - 1), tz),
        daysCount: days.length,
        timeslot_duration: '00:15',
        time_zone_name: tz,
        url: programLinks.event(publicUrl, event.slug),
        colors: { primary: sixDigitColour(event.colour) },
        tracks: tracks.map((t, i) => ({ name: pick(t.name, locale), slug: trackSlug(pick(t.name, 'fr'), i), color: sixDigitColour(t.colour) })),
        rooms,
        days,
      },
    },
  };
}

function describeRoles(locale: Locale, moderators: string[], panelists: string[], hosts: string[]): string {
  const words =
    locale === 'en'
      ? { moderator: 'Moderator', moderators: 'Moderators', panelists: 'Panelists', host: 'Host' }
      : { moderator: 'Modération', moderators: 'Modération', panelists: 'Panélistes', host: 'Animation' };
  const parts: string[] = [];
  if (moderators.length) parts.push(`${moderators.length > 1 ? words.moderators : words.moderator} : ${moderators.join(', ')}`);
  if (panelists.length) parts.push(`${words.panelists} : ${panelists.join(', ')}`);
  if (hosts.length) parts.push(`${words.host} : ${hosts.join(', ')}`);
  return (locale === 'en' ? parts.map((p) => p.replace(' : ', ': ')) : parts).join('\n');
}

export function renderScheduleJson(schedule: C3vocSchedule): string {
  return JSON.stringify(schedule, null, 1);
}

/** Characters XML 1.0 cannot carry at all are dropped; the five specials are escaped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** schedule.xml, in the element order the c3voc XSD requires. */
export function renderScheduleXml(schedule: C3vocSchedule, selfUrl: string): string {
  const c = schedule.schedule.conference;
  const el = (name: string, value: string | number, indent: string) => `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
  const attrs = (pairs: Record<string, string | number | null | undefined>) =>
    Object.entries(pairs)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
      .join('');
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<schedule>'];
  lines.push(`  <generator${attrs({ name: schedule.generator.name, version: schedule.generator.version })}/>`);
  lines.push(el('url', selfUrl, '  '));
  lines.push(el('version', schedule.schedule.version, '  '));
  lines.push('  <conference>');
  lines.push(el('title', c.title, '    '));
  lines.push(el('acronym', c.acronym, '    '));
  lines.push(el('start', c.start, '    '));
  lines.push(el('end', c.end, '    '));
  lines.push(el('days', c.daysCount, '    '));
  lines.push(el('timeslot_duration', c.timeslot_duration, '    '));
  lines.push(el('base_url', schedule.schedule.base_url, '    '));
  lines.push(el('url', c.url, '    '));
  lines.push(el('time_zone_name', c.time_zone_name, '    '));
  lines.push(`    <color${attrs({ primary: c.colors.primary })}/>`);
  for (const t of c.tracks) lines.push(`    <track${attrs({ name: t.name, color: t.color, slug: t.slug })}/>`);
  lines.push('  </conference>');
  for (const day of c.days) {
    lines.push(`  <day${attrs({ index: day.index, date: day.date, start: day.day_start, end: day.day_end })}>`);
    for (const room of c.rooms) {
      const events = day.rooms[room.name] ?? [];
      lines.push(`    <room${attrs({ name: room.name, guid: room.guid })}>`);
      for (const e of events) {
        lines.push(`      <event${attrs({ guid: e.guid, id: e.id })}>`);
        const i = '        ';
        lines.push(el('room', e.room, i), el('title', e.title, i), el('subtitle', e.subtitle, i), el('type', e.type, i));
        lines.push(el('date', e.date, i), el('start', e.start, i), el('duration', e.duration, i), el('abstract', e.abstract, i));
        lines.push(el('slug', e.slug, i), el('track', e.track ?? '', i));
        lines.push(`${i}<persons>`);
        for (const p of e.persons) lines.push(`${i}  <person${attrs({ id: p.id, guid: p.guid })}>${escapeXml(p.name)}</person>`);
        lines.push(`${i}</persons>`);
        lines.push(el('language', e.language, i), el('description', e.description, i), `${i}<links/>`, el('url', e.url, i));
        lines.push('      </event>');
      }
      lines.push('    </room>');
    }
    lines.push('  </day>');
  }
  lines.push('</schedule>', '');
  return lines.join('\n');
}
