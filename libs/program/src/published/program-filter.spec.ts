import type { ReleasedSession, ReleaseSnapshot } from '../releases/snapshot';
import { filterSessions, programFacets } from './program-filter';

const room = (id: string) => ({ id, name: `Salle ${id}` });
const track = (id: string) => ({ id, name: { fr: `Parcours ${id}` }, colour: '#123456' });

function session(number: number, fields: Partial<ReleasedSession> = {}): ReleasedSession {
  return {
    id: `s${number}`,
    number,
    title: { fr: `Session ${number}` },
    abstract: { fr: '' },
    type: 'panel',
    startsAt: '2030-06-10T09:00:00.000Z',
    endsAt: '2030-06-10T10:00:00.000Z',
    room: null,
    track: null,
    language: 'fr',
    capacity: null,
    status: 'confirmed',
    people: [],
    ...fields,
  };
}

const sessions = [
  session(1, { room: room('a'), track: track('x'), type: 'panel', language: 'fr' }),
  session(2, { room: room('b'), track: track('x'), type: 'workshop', language: 'bm' }),
  session(3, { room: room('a'), track: track('y'), type: 'workshop', language: 'fr' }),
  session(4, { type: 'break' }),
];

describe('filterSessions', () => {
  it.each([
    [{}, [1, 2, 3, 4]],
    [{ trackId: 'x' }, [1, 2]],
    [{ roomId: 'a' }, [1, 3]],
    [{ type: 'workshop' as const }, [2, 3]],
    [{ language: 'bm' }, [2]],
    [{ trackId: 'x', type: 'workshop' as const }, [2]],
    [{ roomId: 'a', language: 'fr', type: 'panel' as const }, [1]],
    [{ trackId: 'y', roomId: 'b' }, []],
  ])('%j keeps sessions %j', (filter, numbers) => {
    expect(filterSessions(sessions, filter).map((s) => s.number)).toEqual(numbers);
  });
});

describe('programFacets', () => {
  it('offers only the rooms, tracks, types and languages some session has, in program order', () => {
    const snapshot: ReleaseSnapshot = {
      version: 1,
      sessions,
      rooms: [
        { ...room('c'), capacity: null },
        { ...room('b'), capacity: null },
        { ...room('a'), capacity: null },
      ],
      tracks: [track('z'), track('y'), track('x')],
      speakers: [],
    };
    const facets = programFacets(snapshot);
    expect(facets.rooms.map((r) => r.id)).toEqual(['b', 'a']);
    expect(facets.tracks.map((t) => t.id)).toEqual(['y', 'x']);
    expect(facets.types).toEqual(['panel', 'workshop', 'break']);
    expect(facets.languages).toEqual(['fr', 'bm']);
  });
});
