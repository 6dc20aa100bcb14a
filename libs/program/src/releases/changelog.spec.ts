import { ChangeKind, diffReleases } from './changelog';
import { ReleasedPerson, ReleasedSession } from './snapshot';

/** A released session; only what a row of the table changes is written out. */
function aSession(id: string, overrides: Partial<ReleasedSession> = {}): ReleasedSession {
  return {
    id,
    number: Number(id.replace(/\D/g, '')) || 1,
    title: { fr: `Session ${id}`, en: `Session ${id}` },
    abstract: { fr: '' },
    type: 'plenary',
    startsAt: '2025-06-10T09:00:00.000Z',
    endsAt: '2025-06-10T10:00:00.000Z',
    room: { id: 'room-1', name: 'Salle 1' },
    track: null,
    language: 'fr',
    capacity: null,
    status: 'confirmed',
    people: [],
    ...overrides,
  };
}
const awa: ReleasedPerson = { speakerId: 'awa', name: 'Awa Traoré', role: 'moderator' };
const moussa: ReleasedPerson = { speakerId: 'moussa', name: 'Moussa Keïta', role: 'panelist' };

const kinds = (previous: ReleasedSession[], next: ReleasedSession[]) => diffReleases(previous, next).map((c) => [c.sessionId, c.kind]);

describe('the changelog between two releases', () => {
  it.each<[string, ReleasedSession[], ReleasedSession[], [string, ChangeKind][]]>([
    ['nothing changed', [aSession('s1')], [aSession('s1')], []],
    [
      'the first release adds everything',
      [],
      [aSession('s1'), aSession('s2', { startsAt: '2025-06-10T11:00:00.000Z', endsAt: '2025-06-10T12:00:00.000Z' })],
      [
        ['s1', 'added'],
        ['s2', 'added'],
      ],
    ],
    ['a new session', [aSession('s1')], [aSession('s1'), aSession('s2')], [['s2', 'added']]],
    ['a later start', [aSession('s1')], [aSession('s1', { startsAt: '2025-06-10T09:30:00.000Z', endsAt: '2025-06-10T10:30:00.000Z' })], [['s1', 'moved']]],
    ['a longer session', [aSession('s1')], [aSession('s1', { endsAt: '2025-06-10T10:30:00.000Z' })], [['s1', 'moved']]],
    ['another room', [aSession('s1')], [aSession('s1', { room: { id: 'room-2', name: 'Salle 2' } })], [['s1', 'room-changed']]],
    ['a room taken away', [aSession('s1')], [aSession('s1', { room: null })], [['s1', 'room-changed']]],
    ['a panelist added', [aSession('s1', { people: [awa] })], [aSession('s1', { people: [awa, moussa] })], [['s1', 'people-changed']]],
    ['a role changed', [aSession('s1', { people: [awa] })], [aSession('s1', { people: [{ ...awa, role: 'panelist' }] })], [['s1', 'people-changed']]],
    ['people listed in another order', [aSession('s1', { people: [awa, moussa] })], [aSession('s1', { people: [moussa, awa] })], []],
    ['a speaker renamed only', [aSession('s1', { people: [awa] })], [aSession('s1', { people: [{ ...awa, name: 'Awa T.' }] })], []],
    ['a new title', [aSession('s1')], [aSession('s1', { title: { fr: 'Autre' } })], [['s1', 'details-changed']]],
    ['cancelled', [aSession('s1')], [aSession('s1', { status: 'cancelled' })], [['s1', 'cancelled']]],
    ['removed from the program', [aSession('s1'), aSession('s2')], [aSession('s2')], [['s1', 'cancelled']]],
    ['still cancelled', [aSession('s1', { status: 'cancelled' })], [aSession('s1', { status: 'cancelled' })], []],
    ['back after a cancellation', [aSession('s1', { status: 'cancelled' })], [aSession('s1')], [['s1', 'added']]],
    [
      'moved to another room with another moderator',
      [aSession('s1', { people: [awa] })],
      [
        aSession('s1', {
          startsAt: '2025-06-10T14:00:00.000Z',
          endsAt: '2025-06-10T15:00:00.000Z',
          room: { id: 'room-2', name: 'Salle 2' },
          people: [{ ...moussa, role: 'moderator' }],
        }),
      ],
      [
        ['s1', 'moved'],
        ['s1', 'room-changed'],
        ['s1', 'people-changed'],
      ],
    ],
  ])('%s', (_label, previous, next, expected) => {
    expect(kinds(previous, next)).toEqual(expected);
  });

  it('says what a move was from and to', () => {
    const [moved] = diffReleases([aSession('s1')], [aSession('s1', { startsAt: '2025-06-11T09:00:00.000Z', endsAt: '2025-06-11T10:00:00.000Z' })]);
    expect(moved).toMatchObject({
      kind: 'moved',
      before: { startsAt: '2025-06-10T09:00:00.000Z', endsAt: '2025-06-10T10:00:00.000Z' },
      after: { startsAt: '2025-06-11T09:00:00.000Z', endsAt: '2025-06-11T10:00:00.000Z' },
    });
  });

  it('says which room a cancelled session was in, and which details changed', () => {
    const [cancelled] = diffReleases([aSession('s1')], []);
    expect(cancelled).toMatchObject({ kind: 'cancelled', title: { fr: 'Session s1' }, before: { room: 'Salle 1' } });
    const [details] = diffReleases([aSession('s1')], [aSession('s1', { type: 'keynote', capacity: 40 })]);
    expect(details.fields).toEqual(['type', 'capacity']);
  });

  it('orders the changes by time in the newer program', () => {
    const late = aSession('s1', { startsAt: '2025-06-10T16:00:00.000Z', endsAt: '2025-06-10T17:00:00.000Z' });
    const early = aSession('s2', { startsAt: '2025-06-10T08:00:00.000Z', endsAt: '2025-06-10T09:00:00.000Z' });
    expect(kinds([], [late, early]).map(([id]) => id)).toEqual(['s2', 's1']);
  });
});
