import { GridSession, timetableGrid } from './timetable-grid';

const room = (id: string) => ({ id, name: `Salle ${id}` });
const at = (hhmm: string) => `2030-06-10T${hhmm}:00.000Z`;
const s = (id: string, from: string, to: string, roomId?: string): GridSession => ({
  id,
  startsAt: at(from),
  endsAt: at(to),
  room: roomId ? room(roomId) : null,
});
const area = (grid: ReturnType<typeof timetableGrid>, id: string) => {
  const a = grid.areas.get(id)!;
  return [a.rowStart, a.colStart, a.rowEnd, a.colEnd];
};

describe('timetableGrid', () => {
  it('puts rooms side by side in the given order and every start and end on a row line', () => {
    const grid = timetableGrid([s('b1', '09:00', '10:30', 'b'), s('a1', '09:00', '10:00', 'a'), s('a2', '10:00', '11:00', 'a')], ['a', 'b']);
    expect(grid.columns.map((c) => [c.roomId, c.area.colStart, c.area.colEnd])).toEqual([
      ['a', 2, 3],
      ['b', 3, 4],
    ]);
    // Lines: 09:00 → 2, 10:00 → 3, 10:30 → 4, 11:00 → 5.
    expect(area(grid, 'a1')).toEqual([2, 2, 3, 3]);
    expect(area(grid, 'a2')).toEqual([3, 2, 5, 3]);
    expect(area(grid, 'b1')).toEqual([2, 3, 4, 4]);
    expect(grid.width).toBe(2);
    expect(grid.times.map((t) => [new Date(t.at).toISOString().slice(11, 16), t.area.rowStart])).toEqual([
      ['09:00', 2],
      ['10:00', 3],
      ['10:30', 4],
    ]);
  });

  it('lets a session without a room that overlaps nothing span every room', () => {
    const grid = timetableGrid([s('a1', '09:00', '10:00', 'a'), s('lunch', '12:00', '13:00'), s('b1', '13:00', '14:00', 'b')], ['a', 'b']);
    expect(area(grid, 'lunch')).toEqual([4, 2, 5, 4]);
    expect(grid.columns).toHaveLength(2);
  });

  it('gives sessions without a room that overlap others a column of their own', () => {
    const grid = timetableGrid([s('a1', '09:00', '10:00', 'a'), s('hall', '09:30', '10:30')], ['a']);
    expect(grid.columns.map((c) => c.roomId)).toEqual(['a', null]);
    expect(area(grid, 'hall')).toEqual([3, 3, 5, 4]);
  });

  it('opens a second lane when two sessions share a room at once (a cancelled one and its replacement)', () => {
    const grid = timetableGrid([s('old', '09:00', '10:00', 'a'), s('new', '09:00', '10:00', 'a'), s('b1', '09:00', '10:00', 'b')], ['a', 'b']);
    expect(grid.columns.map((c) => [c.roomId, c.area.colStart, c.area.colEnd])).toEqual([
      ['a', 2, 4],
      ['b', 4, 5],
    ]);
    expect(new Set([area(grid, 'old')[1], area(grid, 'new')[1]])).toEqual(new Set([2, 3]));
    expect(grid.width).toBe(3);
  });

  it('keeps rooms missing from the order, after the known ones', () => {
    const grid = timetableGrid([s('x1', '09:00', '10:00', 'x'), s('a1', '09:00', '10:00', 'a')], ['a']);
    expect(grid.columns.map((c) => c.roomId)).toEqual(['a', 'x']);
  });

  it('is one column wide for a day of sessions without rooms', () => {
    const grid = timetableGrid([s('w', '08:00', '09:00'), s('l', '12:00', '13:00')], []);
    expect(grid.width).toBe(1);
    expect(area(grid, 'w')).toEqual([2, 2, 3, 3]);
  });
});
