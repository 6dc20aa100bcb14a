/** Where one item sits on the CSS grid: lines, as `grid-area: rowStart / colStart / rowEnd / colEnd`. */
export interface GridArea {
  rowStart: number;
  colStart: number;
  rowEnd: number;
  colEnd: number;
}

export interface GridSession {
  id: string;
  startsAt: string;
  endsAt: string;
  room: { id: string; name: string } | null;
}

export interface DayGrid {
  /** Room headers (row 1), in column order; `roomId: null` is the column of sessions without a room that overlap others. */
  columns: { roomId: string | null; name: string | null; area: GridArea }[];
  /** How many session columns the grid has (the time labels take one more, the first). */
  width: number;
  /** Time labels (column 1): each boundary between rows but the last, as epoch ms. */
  times: { at: number; area: GridArea }[];
  areas: Map<string, GridArea>;
}

const ms = (iso: string) => Date.parse(iso);
const overlap = (a: GridSession, b: GridSession) => ms(a.startsAt) < ms(b.endsAt) && ms(b.startsAt) < ms(a.endsAt);

/**
 * The timetable of one day as a CSS grid, computed on the server: rooms as columns, time as
 * rows. Every start and end is a row line, so a session spans exactly its time, however
 * irregular the program. A session without a room that overlaps nothing (a lunch, a welcome)
 * spans all the rooms; one that overlaps something gets a column of its own. Sessions that
 * overlap in one room (a cancelled session and its replacement) get side-by-side lanes.
 */
export function timetableGrid(sessions: GridSession[], roomOrder: string[]): DayGrid {
  const times = [...new Set(sessions.flatMap((s) => [ms(s.startsAt), ms(s.endsAt)]))].sort((a, b) => a - b);
  const rowOf = new Map(times.map((t, i) => [t, i + 2]));
  const byStart = [...sessions].sort((a, b) => ms(a.startsAt) - ms(b.startsAt) || ms(a.endsAt) - ms(b.endsAt));

  const roomless = byStart.filter((s) => !s.room);
  const spanning = new Set(roomless.filter((s) => sessions.every((o) => o === s || !overlap(s, o))));
  const order = [...roomOrder, ...byStart.map((s) => s.room?.id).filter((id): id is string => id !== undefined && !roomOrder.includes(id))];
  const groups: { roomId: string | null; name: string | null; members: GridSession[] }[] = [];
  for (const roomId of new Set(order)) {
    const members = byStart.filter((s) => s.room?.id === roomId);
    if (members.length > 0) groups.push({ roomId, name: members[0].room!.name, members });
  }
  const others = roomless.filter((s) => !spanning.has(s));
  if (others.length > 0) groups.push({ roomId: null, name: null, members: others });

  const areas = new Map<string, GridArea>();
  const columns: DayGrid['columns'] = [];
  let col = 2;
  for (const group of groups) {
    const laneEnds: number[] = [];
    for (const s of group.members) {
      let lane = laneEnds.findIndex((end) => end <= ms(s.startsAt));
      if (lane < 0) lane = laneEnds.push(0) - 1;
      laneEnds[lane] = ms(s.endsAt);
      areas.set(s.id, { rowStart: rowOf.get(ms(s.startsAt))!, rowEnd: rowOf.get(ms(s.endsAt))!, colStart: col + lane, colEnd: col + lane + 1 });
    }
    columns.push({ roomId: group.roomId, name: group.name, area: { rowStart: 1, rowEnd: 2, colStart: col, colEnd: col + laneEnds.length } });
    col += laneEnds.length;
  }
  const width = Math.max(1, col - 2);
  for (const s of spanning) areas.set(s.id, { rowStart: rowOf.get(ms(s.startsAt))!, rowEnd: rowOf.get(ms(s.endsAt))!, colStart: 2, colEnd: 2 + width });
  return {
    columns,
    width,
    times: times.slice(0, -1).map((at) => ({ at, area: { rowStart: rowOf.get(at)!, rowEnd: rowOf.get(at)! + 1, colStart: 1, colEnd: 2 } })),
    areas,
  };
}

export const gridAreaCss = (a: GridArea) => `grid-area:${a.rowStart}/${a.colStart}/${a.rowEnd}/${a.colEnd}`;
