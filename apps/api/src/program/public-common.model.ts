import type { EventView } from '@palabre/events';
import { Locale, pick } from '@palabre/platform';
import { localTime, programLinks, SESSION_ROLES, toZonedIso, type ReleasedSession, type ReleasedSpeaker, type SessionRole } from '@palabre/program';
import { formatDate, languageName, ROLE_LABELS, SESSION_TYPE_LABELS } from './public-labels';
import { formatDateRange } from '../home/format';

/** A time as the page shows it, and as `<time datetime>` states it (ISO 8601 in the event's zone). */
export interface TimeModel {
  iso: string;
  label: string;
}

export interface PersonModel {
  speakerId: string;
  name: string;
  href: string;
}

export interface RoleGroupModel {
  role: SessionRole;
  label: string;
  people: PersonModel[];
}

/** A session as every public page shows it: what, when, where, with whom. */
export interface SessionModel {
  id: string;
  number: number;
  href: string;
  title: string;
  cancelled: boolean;
  day: string;
  start: TimeModel;
  end: TimeModel;
  room: string | null;
  track: { name: string; colour: string | null } | null;
  type: string;
  language: string;
  people: RoleGroupModel[];
}

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** A track colour safe to write into CSS (validated as hex on input; checked again, since it lands in a stylesheet). */
export function cssColour(colour: string): string | null {
  const m = HEX.exec(colour.trim());
  return m ? `#${m[1].toLowerCase()}` : null;
}

export function timeModel(iso: string, timeZone: string): TimeModel {
  const d = new Date(iso);
  return { iso: toZonedIso(d, timeZone), label: localTime(d, timeZone) };
}

/** People grouped by role, in the roles' usual order (moderator, panelists, speakers, host), each linked to their profile. */
export function roleGroups(people: ReleasedSession['people'], speakerNumbers: Map<string, number>, slug: string, locale: Locale): RoleGroupModel[] {
  return SESSION_ROLES.map((role) => {
    const holders = people.filter((p) => p.role === role);
    return {
      role,
      label: pick(holders.length > 1 ? ROLE_LABELS[role].many : ROLE_LABELS[role].one, locale),
      people: holders.map((p) => {
        const n = speakerNumbers.get(p.speakerId);
        return {
          speakerId: p.speakerId,
          name: p.name,
          href: withLang(n === undefined ? programLinks.speakers('', slug) : programLinks.speaker('', slug, n), locale),
        };
      }),
    };
  }).filter((g) => g.people.length > 0);
}

export function speakerNumbers(speakers: ReleasedSpeaker[]): Map<string, number> {
  return new Map(speakers.map((s) => [s.id, s.number]));
}

export function toSessionModel(s: ReleasedSession, event: EventView, numbers: Map<string, number>, locale: Locale): SessionModel {
  return {
    id: s.id,
    number: s.number,
    href: withLang(programLinks.session('', event.slug, s.number), locale),
    title: pick(s.title, locale),
    cancelled: s.status === 'cancelled',
    day: formatDate(new Date(s.startsAt), event.timeZone, locale, 'day'),
    start: timeModel(s.startsAt, event.timeZone),
    end: timeModel(s.endsAt, event.timeZone),
    room: s.room?.name ?? null,
    track: s.track ? { name: pick(s.track.name, locale), colour: cssColour(s.track.colour) } : null,
    type: pick(SESSION_TYPE_LABELS[s.type], locale),
    language: languageName(s.language, locale),
    people: roleGroups(s.people, numbers, event.slug, locale),
  };
}

/** Paragraphs of a text typed by organizers or speakers (blank lines separate them). */
export const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** The link in the page's language: French needs nothing, English carries `lang=en` (before any #fragment). */
export function withLang(href: string, locale: Locale): string {
  if (locale === 'fr') return href;
  const [path, fragment] = href.split('#');
  return `${path}${path.includes('?') ? '&' : '?'}lang=${locale}${fragment === undefined ? '' : `#${fragment}`}`;
}

/** Links shared by every page of an event: its sections, in the page's language. */
export interface EventLinks {
  event: string;
  program: string;
  speakers: string;
  releases: string;
  /** The partners' directory and their opportunities board (libs/partners' public pages). */
  partners: string;
  opportunities: string;
}

export function eventLinks(slug: string, locale: Locale): EventLinks {
  return {
    event: withLang(programLinks.event('', slug), locale),
    program: withLang(programLinks.program('', slug), locale),
    speakers: withLang(programLinks.speakers('', slug), locale),
    releases: withLang(programLinks.releases('', slug), locale),
    partners: withLang(`${programLinks.event('', slug)}/partenaires`, locale),
    opportunities: withLang(`${programLinks.event('', slug)}/opportunites`, locale),
  };
}

export interface ExportLinks {
  ics: string;
  xml: string;
  json: string;
}

export function exportLinks(slug: string, locale: Locale): ExportLinks {
  return {
    ics: withLang(programLinks.export('', slug, 'schedule.ics'), locale),
    xml: withLang(programLinks.export('', slug, 'schedule.xml'), locale),
    json: withLang(programLinks.export('', slug, 'schedule.json'), locale),
  };
}

/** "10–11 juin 2026": the event's dates in its zone. */
export function eventDatesLabel(event: EventView, locale: Locale): string {
  return formatDateRange(event.startsAt, event.endsAt, event.timeZone, locale);
}
