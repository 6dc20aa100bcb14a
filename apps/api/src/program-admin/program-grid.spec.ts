import type { RoomView } from '@palabre/events';
import { eventDays, SessionView } from '@palabre/program';
import { buildProgramGrid, GridCell } from './program-grid';

const event = { startsAt: new Date('2030-06-10T08:00:00Z'), endsAt: new Date('2030-06-11T18:00:00Z'), timeZone: 'Africa/Bamako' };
const [day1, day2] = eventDays(event);
const room = (id: string, name: string): RoomView => ({ id, eventId: 'e', name, capacity: null, position: 0 });
const rooms = [room('r1', 'Salle 1'), room('r2', 'Salle 2')];

let n = 0;
function aSession(from: string, to: string, roomId: string | null, status: SessionView['status'] = 'confirmed'): SessionView {
  n++;
  return {
    id: `s${n}`,
    number: n,
    eventId: 'e',
    title: { fr: `Session ${n}` },
    abstract: { fr: '' },
    type: 'plenary',
    startsAt: new Date(from),
    endsAt: new Date(to),
    room: roomId ? { id: roomId, name: roomId } : null,
    track: null,
    language: 'fr',
    capacity: null,
    status,
    people: [],
    updatedAt: new Date(),
  };
}

/** The grid as text, one line per row: `09:00 | S1×4 | .` (a session with its row span, `.` a free slot; covered cells are absent). */
function picture(cells: GridCell[][], times: string[]): string[] {
  return cells.map((row, i) => [times[i], ...row.map((c) => (c.kind === 'session' ? `S${c.session.number}×${c.rows}` : '.'))].join(' | '));
}

describe('the program grid of a day', () => {
  it('runs from 8:00 to 18:00 in quarter hours, one column per room, sessions spanning their rows', () => {
    const keynote = aSession('2030-06-10T09:00:00Z', '2030-06-10T10:00:00Z', 'r1');
    const panel = aSession('2030-06-10T09:30:00Z', '2030-06-10T10:15:00Z', 'r2');
    const grid = buildProgramGrid(day1, event.timeZone, rooms, [keynote, panel], 'Sans salle');
    expect(grid.step).toBe(15);
    expect(grid.columns.map((c) => c.name)).toEqual(['Salle 1', 'Salle 2']);
    expect(grid.rows).toHaveLength(40);
    expect(grid.rows[0].time).toBe('08:00');
    expect(grid.rows[39].time).toBe('17:45');
    // Salle 1 holds the keynote 09:00–10:00, Salle 2 the panel 09:30–10:15: a covered cell has no cell of its own.
    expect(
      picture(
        grid.rows.slice(3, 10).map((r) => r.cells),
        grid.rows.slice(3, 10).map((r) => r.time),
      ),
    ).toEqual(['08:45 | . | .', `09:00 | S${keynote.number}×4 | .`, '09:15 | .', `09:30 | S${panel.number}×3`, '09:45', '10:00 | .', '10:15 | . | .']);
    expect(grid.rows.filter((r) => r.hour).map((r) => r.time)).toContain('09:00');
  });

  it('takes finer steps when the times need them, and widens to sessions outside 8:00–18:00', () => {
    const early = aSession('2030-06-10T08:00:00Z', '2030-06-10T08:50:00Z', 'r1');
    const late = aSession('2030-06-10T19:05:00Z', '2030-06-10T20:00:00Z', 'r2');
    const grid = buildProgramGrid(day1, event.timeZone, rooms, [early, late], 'Sans salle');
    expect(grid.step).toBe(5);
    expect(grid.rows[0].time).toBe('08:00');
    expect(grid.rows[grid.rows.length - 1].time).toBe('19:55');
    const spans = grid.rows
      .flatMap((r) => r.cells)
      .filter((c) => c.kind === 'session')
      .map((c) => (c.kind === 'session' ? c.rows : 0));
    expect(spans).toEqual([10, 11]);
  });

  it('shows only the day’s sessions, with a « no room » column when one has none', () => {
    const hall = aSession('2030-06-11T12:00:00Z', '2030-06-11T13:00:00Z', null);
    const other = aSession('2030-06-10T12:00:00Z', '2030-06-10T13:00:00Z', 'r1');
    const grid = buildProgramGrid(day2, event.timeZone, rooms, [hall, other], 'Sans salle');
    expect(grid.sessions.map((s) => s.id)).toEqual([hall.id]);
    expect(grid.columns.map((c) => c.roomId)).toEqual(['r1', 'r2', null]);
    // Day 2 starts at midnight, but the grid opens at 8:00 as long as nothing is earlier.
    expect(grid.rows[0].time).toBe('08:00');
    expect(grid.rows.find((r) => r.time === '12:00')?.cells.map((c) => c.kind)).toEqual(['free', 'free', 'session']);
  });

  it('keeps live sessions in the grid and lists a cancelled one that shares their slot underneath', () => {
    const cancelled = aSession('2030-06-10T09:00:00Z', '2030-06-10T10:00:00Z', 'r1', 'cancelled');
    const live = aSession('2030-06-10T09:30:00Z', '2030-06-10T10:30:00Z', 'r1');
    const alone = aSession('2030-06-10T11:00:00Z', '2030-06-10T12:00:00Z', 'r1', 'cancelled');
    const grid = buildProgramGrid(day1, event.timeZone, rooms, [cancelled, live, alone], 'Sans salle');
    const placed = grid.rows.flatMap((r) => r.cells).flatMap((c) => (c.kind === 'session' ? [c.session.id] : []));
    expect(placed).toEqual([live.id, alone.id]);
    expect(grid.unplaced.map((s) => s.id)).toEqual([cancelled.id]);
  });

  it('places sessions in the event’s zone (Paris, summer time)', () => {
    const paris = { startsAt: new Date('2030-06-10T06:00:00Z'), endsAt: new Date('2030-06-10T16:00:00Z'), timeZone: 'Europe/Paris' };
    const [day] = eventDays(paris);
    const s = aSession('2030-06-10T07:00:00Z', '2030-06-10T08:00:00Z', 'r1');
    const grid = buildProgramGrid(day, paris.timeZone, rooms, [s], 'Sans salle');
    expect(grid.rows[0].time).toBe('08:00');
    expect(grid.rows.find((r) => r.cells.some((c) => c.kind === 'session'))?.time).toBe('09:00');
  });
});
