import type { EventView } from '@palabre/events';
import { FieldError } from '@palabre/platform';
import { localDate, localTime, SessionView, zonedInstant } from '@palabre/program';
import { field, FormBody, localized, wholeNumber } from './form-values';

export interface PersonRow {
  speakerId: string;
  role: string;
}

/** The session form as typed: times are local to the event (`day` is its date, `start`/`end` are `hh:mm`). */
export interface SessionFormValues {
  titleFr: string;
  titleEn: string;
  abstractFr: string;
  abstractEn: string;
  type: string;
  status: string;
  day: string;
  start: string;
  end: string;
  roomId: string;
  trackId: string;
  language: string;
  capacity: string;
  people: PersonRow[];
}

/** People rows the form offers beyond the session's own: enough for a panel without JavaScript. */
export const SPARE_PEOPLE_ROWS = 3;
/** At most this many rows are read (the DTO takes 40 people). */
const MAX_PEOPLE_ROWS = 40;

export function sessionFormValues(body: FormBody): SessionFormValues {
  const v = (name: string) => field(body, name);
  const people: PersonRow[] = [];
  for (let i = 0; i < MAX_PEOPLE_ROWS; i++) {
    if (body[`people.${i}.speakerId`] === undefined && body[`people.${i}.role`] === undefined) break;
    people.push({ speakerId: v(`people.${i}.speakerId`), role: v(`people.${i}.role`) });
  }
  return {
    titleFr: v('titleFr'),
    titleEn: v('titleEn'),
    abstractFr: v('abstractFr'),
    abstractEn: v('abstractEn'),
    type: v('type'),
    status: v('status') || 'confirmed',
    day: v('day'),
    start: v('start').trim().slice(0, 5),
    end: v('end').trim().slice(0, 5),
    roomId: v('roomId'),
    trackId: v('trackId'),
    language: v('language').trim().toLowerCase() || 'fr',
    capacity: v('capacity'),
    people,
  };
}

export function sessionFormFromView(s: SessionView, timeZone: string): SessionFormValues {
  return {
    titleFr: s.title.fr,
    titleEn: s.title.en ?? '',
    abstractFr: s.abstract.fr ?? '',
    abstractEn: s.abstract.en ?? '',
    type: s.type,
    status: s.status,
    day: localDate(s.startsAt, timeZone),
    start: localTime(s.startsAt, timeZone),
    end: localTime(s.endsAt, timeZone),
    roomId: s.room?.id ?? '',
    trackId: s.track?.id ?? '',
    language: s.language,
    capacity: s.capacity === null ? '' : String(s.capacity),
    people: s.people.map((p) => ({ speakerId: p.speakerId, role: p.role })),
  };
}

/** A new session's form, placed where the grid was clicked (`day`, `start`, room), one hour long. */
export function newSessionFormValues(at: { day: string; start?: string; roomId?: string }): SessionFormValues {
  const start = /^([01]\d|2[0-3]):[0-5]\d$/.test(at.start ?? '') ? at.start! : '09:00';
  const endHour = Math.min(23, Number(start.slice(0, 2)) + 1);
  const end = endHour === Number(start.slice(0, 2)) ? '23:59' : `${String(endHour).padStart(2, '0')}${start.slice(2)}`;
  return {
    titleFr: '',
    titleEn: '',
    abstractFr: '',
    abstractEn: '',
    type: 'plenary',
    status: 'confirmed',
    day: at.day,
    start,
    end,
    roomId: at.roomId ?? '',
    trackId: '',
    language: 'fr',
    capacity: '',
    people: [],
  };
}

export interface ParsedSessionForm {
  body: Record<string, unknown>;
  errors: FieldError[];
  /** For each person of `body.people`, the form row it came from (blank rows are skipped). */
  rows: number[];
}

/** Named by the DTO's field, like the DTO's own errors, so that one message per field remains. */
const timeError = (name: 'startsAt' | 'endsAt'): FieldError => ({
  field: name,
  message: { fr: 'Heure attendue (ex. 09:30).', en: 'A time is expected (e.g. 09:30).' },
});

/** The body of the session DTOs from the form: local day and times read in the event's zone, blank people rows left out. */
export function sessionBody(values: SessionFormValues, event: Pick<EventView, 'timeZone'>, absent: null | undefined): ParsedSessionForm {
  const errors: FieldError[] = [];
  const startsAt = zonedInstant(values.day, values.start, event.timeZone);
  const endsAt = zonedInstant(values.day, values.end, event.timeZone);
  if (!startsAt) errors.push(timeError('startsAt'));
  if (!endsAt) errors.push(timeError('endsAt'));
  const rows: number[] = [];
  const people = values.people.flatMap((p, row) => {
    if (p.speakerId === '') return [];
    rows.push(row);
    return [{ speakerId: p.speakerId, role: p.role }];
  });
  return {
    body: {
      title: localized(values.titleFr, values.titleEn),
      abstract: localized(values.abstractFr, values.abstractEn),
      type: values.type,
      status: values.status,
      ...(startsAt ? { startsAt: startsAt.toISOString() } : {}),
      ...(endsAt ? { endsAt: endsAt.toISOString() } : {}),
      roomId: values.roomId === '' ? absent : values.roomId,
      trackId: values.trackId === '' ? absent : values.trackId,
      language: values.language,
      capacity: wholeNumber(values.capacity, absent),
      people,
    },
    errors,
    rows,
  };
}

/** A field of the DTO (or of the service's problem) → the input of the form that shows it. */
export function sessionFormField(dtoField: string, rows: number[]): string {
  const [root, index, rest] = dtoField.split('.');
  if (root === 'title' || root === 'abstract') return `${root}Fr`;
  if (root === 'startsAt') return 'start';
  if (root === 'endsAt') return 'end';
  if (root === 'people' && index !== undefined) return `people.${rows[Number(index)] ?? index}.${rest ?? 'speakerId'}`;
  return root;
}
