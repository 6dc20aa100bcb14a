import { dateFormat } from '@palabre/platform';

/**
 * Instants shown in an event's time zone, with nothing but Intl: the offset of a zone at an
 * instant, local dates and times, local midnights.
 */
const LOCAL_PARTS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(instant: Date, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  // Only the numbers are read: any locale writing Latin digits serves.
  for (const p of dateFormat('en', timeZone, LOCAL_PARTS).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { year: out.year, month: out.month, day: out.day, hour: out.hour, minute: out.minute, second: out.second };
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Minutes to add to UTC to get the local time in the zone at that instant (Bamako: 0, Paris in June: 120). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** `+00:00`, `+02:00`, `-05:30`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** ISO 8601 in the zone's local time with its offset: `2025-06-10T09:00:00+00:00`. */
export function toZonedIso(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${formatOffset(zoneOffsetMinutes(instant, timeZone))}`;
}

/** The local calendar date, `2025-06-10`. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The local wall-clock time, `09:00`. */
export function localTime(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** `2025-06-10` + n days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The instant the local date begins in the zone (midnight, or the first instant after a DST gap). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  // Two passes settle the offset even when it changes around that midnight.
  let instant = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  instant = wall - zoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

/** `hh:mm` for a number of minutes (`90` → `01:30`), as c3voc durations are written. */
export function formatDuration(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export interface EventDay {
  /** 1 for the first day. */
  index: number;
  /** Local date in the event's zone. */
  date: string;
  /** The part of that local day inside the event. */
  start: Date;
  end: Date;
}

/** The event's days in its own zone: each local date it touches, cut to the event's start and end. */
export function eventDays(event: { startsAt: Date; endsAt: Date; timeZone: string }): EventDay[] {
  const days: EventDay[] = [];
  const last = localDate(new Date(event.endsAt.getTime() - 1), event.timeZone);
  for (let date = localDate(event.startsAt, event.timeZone), index = 1; date <= last && index <= 366; date = addDays(date, 1), index++) {
    const dayStart = startOfLocalDay(date, event.timeZone);
    const dayEnd = startOfLocalDay(addDays(date, 1), event.timeZone);
    days.push({
      index,
      date,
      start: dayStart < event.startsAt ? event.startsAt : dayStart,
      end: dayEnd > event.endsAt ? event.endsAt : dayEnd,
    });
  }
  return days;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant a wall-clock date and time (`2025-06-10`, `09:00`) names in the zone, as a
 * form typed it; null when either is not a real date or time. A time skipped by a DST jump
 * lands just after the gap; a repeated one takes its first occurrence.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date | null {
  const d = LOCAL_DATE.exec(date);
  const t = LOCAL_TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const wall = Date.UTC(year, month - 1, day, Number(t[1]), Number(t[2]));
  // Two passes settle the offset even when it changes between the wall time and the instant.
  let instant = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  instant = wall - zoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}
