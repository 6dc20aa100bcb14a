import type { RoomView } from '@palabre/events';
import { EventDay, localDate, localTime, SessionView, zonedInstant } from '@palabre/program';

/** One column of the grid: a room, or the sessions without one (a break in the hall). */
export interface GridColumn {
  roomId: string | null;
  name: string;
}

export type GridCell =
  /** A session starting in this row, covering `rows` rows of its column. */
  | { kind: 'session'; session: SessionView; rows: number }
  /** A free slot: where a session can be dropped or added (`time` is local, `hh:mm`). */
  | { kind: 'free'; roomId: string | null; time: string };

export interface GridRow {
  /** Local start of the row, `hh:mm`. */
  time: string;
  /** Whether the row starts a full hour (the stylesheet marks those). */
  hour: boolean;
  /** One cell per column, except the columns a session started above still covers. */
  cells: GridCell[];
}

/** A day of the program as rooms × time, ready to render as a table with row spans. */
export interface ProgramGrid {
  day: EventDay;
  /** Minutes per row. */
  step: number;
  columns: GridColumn[];
  rows: GridRow[];
  /** The day's sessions, in time order. */
  sessions: SessionView[];
  /** Sessions that share a slot with another in their column (a cancelled one, two without a room): listed under the grid. */
  unplaced: SessionView[];
}

const STEPS = [15, 10, 5];
const MINUTE = 60_000;

/** The instant rounded to the local hour, down or up. */
function toHour(instant: Date, timeZone: string, up: boolean): Date {
  const minutes = Number(localTime(instant, timeZone).slice(3));
  const rest = minutes * MINUTE + (instant.getTime() % MINUTE);
  if (rest === 0) return instant;
  return new Date(instant.getTime() - rest + (up ? 60 * MINUTE : 0));
}

/**
 * Lays out one day: columns are the rooms (in their order), plus « no room » when a session
 * of the day has none; rows run from 08:00 to 18:00 (or the day's own bounds), widened to
 * the day's sessions, in steps of 15, 10 or 5 minutes — the largest that places every
 * session exactly. Live sessions are placed first, so a cancelled session that overlaps one
 * goes to `unplaced` rather than hiding it.
 */
export function buildProgramGrid(day: EventDay, timeZone: string, rooms: RoomView[], all: SessionView[], noRoomName: string): ProgramGrid {
  const sessions = all.filter((s) => localDate(s.startsAt, timeZone) === day.date).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const known = new Set(rooms.map((r) => r.id));
  const columns: GridColumn[] = rooms.map((r) => ({ roomId: r.id, name: r.name }));
  if (sessions.some((s) => !s.room || !known.has(s.room.id))) columns.push({ roomId: null, name: noRoomName });
  const columnOf = (s: SessionView) => columns.findIndex((c) => c.roomId === (s.room && known.has(s.room.id) ? s.room.id : null));

  let windowStart = zonedInstant(day.date, '08:00', timeZone) ?? day.start;
  let windowEnd = zonedInstant(day.date, '18:00', timeZone) ?? day.end;
  if (windowStart < day.start) windowStart = day.start;
  if (windowEnd > day.end) windowEnd = day.end;
  if (!(windowEnd > windowStart)) [windowStart, windowEnd] = [day.start, day.end];
  const first = sessions.reduce((min, s) => (s.startsAt < min ? s.startsAt : min), windowStart);
  const last = sessions.reduce((max, s) => (s.endsAt > max ? s.endsAt : max), windowEnd);
  const from = toHour(first, timeZone, false);
  const to = toHour(last, timeZone, true);

  const offsets = sessions.flatMap((s) => [(s.startsAt.getTime() - from.getTime()) / MINUTE, (s.endsAt.getTime() - from.getTime()) / MINUTE]);
  const step = STEPS.find((st) => offsets.every((o) => o % st === 0)) ?? STEPS[STEPS.length - 1];
  const rowCount = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / MINUTE / step));

  const covered = columns.map(() => new Array<boolean>(rowCount).fill(false));
  const starts = columns.map(() => new Map<number, { session: SessionView; rows: number }>());
  const unplaced: SessionView[] = [];
  const liveFirst = [...sessions.filter((s) => s.status !== 'cancelled'), ...sessions.filter((s) => s.status === 'cancelled')];
  for (const s of liveFirst) {
    const col = columnOf(s);
    const r0 = Math.floor((s.startsAt.getTime() - from.getTime()) / MINUTE / step);
    const r1 = Math.min(rowCount, Math.max(r0 + 1, Math.ceil((s.endsAt.getTime() - from.getTime()) / MINUTE / step)));
    if (col < 0 || covered[col].slice(r0, r1).some(Boolean)) {
      unplaced.push(s);
      continue;
    }
    covered[col].fill(true, r0, r1);
    starts[col].set(r0, { session: s, rows: r1 - r0 });
  }

  const rows: GridRow[] = [];
  for (let r = 0; r < rowCount; r++) {
    const time = localTime(new Date(from.getTime() + r * step * MINUTE), timeZone);
    const cells: GridCell[] = [];
    columns.forEach((c, col) => {
      const start = starts[col].get(r);
      if (start) cells.push({ kind: 'session', ...start });
      else if (!covered[col][r]) cells.push({ kind: 'free', roomId: c.roomId, time });
    });
    rows.push({ time, hour: time.endsWith(':00'), cells });
  }
  return { day, step, columns, rows, sessions, unplaced: unplaced.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()) };
}
