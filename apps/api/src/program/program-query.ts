import type { Locale } from '@palabre/platform';
import type { ProgramFilter, SessionType } from '@palabre/program';

/**
 * What a released program offers to choose from, kept small so every request can check its
 * query against it before the cache lookup: a query names only values that exist, so the
 * cache holds at most one page per real combination, whatever strangers put in a URL.
 */
export interface ProgramChoices {
  release: number;
  timeZone: string;
  /** The event's days in its zone; start/end in epoch ms (the part of the local day inside the event). */
  days: { index: number; date: string; start: number; end: number }[];
  trackIds: string[];
  roomIds: string[];
  types: SessionType[];
  languages: string[];
}

/** The program a visitor asked for: one day (or all of them) and the filters. */
export interface ProgramSelection {
  day: number | 'all';
  /** Whether the query named the day (else it is today's during the event, or the first). */
  dayChosen: boolean;
  filter: ProgramFilter;
}

/** Query parameters of the program page: French, like the page's address. */
export const PROGRAM_PARAMS = { day: 'jour', track: 'parcours', room: 'salle', type: 'type', language: 'langue' } as const;
export const ALL_DAYS = 'tous';

function first(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined =>
  value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * Reads the program page's query against the release's choices; a value the program does not
 * offer is ignored (a link from an older release still opens the program). Pure and cheap:
 * it runs before the cache lookup.
 */
export function parseProgramQuery(query: unknown, choices: ProgramChoices, now: number): ProgramSelection {
  const q = (query ?? {}) as Record<string, unknown>;
  const dayParam = first(q[PROGRAM_PARAMS.day]);
  const chosenDay = dayParam === ALL_DAYS ? 'all' : choices.days.find((d) => String(d.index) === dayParam)?.index;
  const today = choices.days.find((d) => d.start <= now && now < d.end)?.index;
  const filter: ProgramFilter = {};
  const trackId = oneOf(first(q[PROGRAM_PARAMS.track]), choices.trackIds);
  const roomId = oneOf(first(q[PROGRAM_PARAMS.room]), choices.roomIds);
  const type = oneOf(first(q[PROGRAM_PARAMS.type]), choices.types);
  const language = oneOf(first(q[PROGRAM_PARAMS.language]), choices.languages);
  if (trackId) filter.trackId = trackId;
  if (roomId) filter.roomId = roomId;
  if (type) filter.type = type;
  if (language) filter.language = language;
  return { day: chosenDay ?? today ?? choices.days[0]?.index ?? 1, dayChosen: chosenDay !== undefined, filter };
}

/** The part of the cache key a selection makes; equal selections give equal keys. */
export function selectionKey(s: ProgramSelection): string {
  const f = s.filter;
  return `${s.dayChosen ? 'j' : 'd'}${s.day}:${f.trackId ?? ''}:${f.roomId ?? ''}:${f.type ?? ''}:${f.language ?? ''}`;
}

/** The query string of a selection (with `?`, or empty), in a fixed order; `lang` only for English. */
export function selectionQuery(s: Partial<ProgramSelection> & { filter: ProgramFilter }, locale: Locale, dayOverride?: number | 'all'): string {
  const params = new URLSearchParams();
  const day = dayOverride ?? (s.dayChosen ? s.day : undefined);
  if (day !== undefined) params.set(PROGRAM_PARAMS.day, day === 'all' ? ALL_DAYS : String(day));
  if (s.filter.trackId) params.set(PROGRAM_PARAMS.track, s.filter.trackId);
  if (s.filter.roomId) params.set(PROGRAM_PARAMS.room, s.filter.roomId);
  if (s.filter.type) params.set(PROGRAM_PARAMS.type, s.filter.type);
  if (s.filter.language) params.set(PROGRAM_PARAMS.language, s.filter.language);
  if (locale !== 'fr') params.set('lang', locale);
  const text = params.toString();
  return text ? `?${text}` : '';
}
