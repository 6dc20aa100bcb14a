import { diffReleases } from './changelog';
import { composeLetters, SpeakerContact, toMailChange } from './program-change-mail';
import { ReleasedSession } from './snapshot';

function aSession(id: string, people: [string, 'moderator' | 'panelist' | 'speaker' | 'host'][], overrides: Partial<ReleasedSession> = {}): ReleasedSession {
  return {
    id,
    number: 1,
    title: { fr: `Session ${id}`, en: `Session ${id} (en)` },
    abstract: { fr: '' },
    type: 'panel',
    startsAt: '2030-06-10T09:00:00.000Z',
    endsAt: '2030-06-10T10:00:00.000Z',
    room: { id: 'r1', name: 'Salle 1' },
    track: null,
    language: 'fr',
    capacity: null,
    status: 'confirmed',
    people: people.map(([speakerId, role]) => ({ speakerId, name: speakerId, role })),
    ...overrides,
  };
}
const contact = (speakerId: string, email: string, locale: 'fr' | 'en' = 'fr'): [string, SpeakerContact] => [
  speakerId,
  { speakerId, email, name: speakerId, locale },
];
const speakers = new Map([
  contact('awa', 'awa@example.ml'),
  contact('moussa', 'moussa@example.ml', 'en'),
  contact('rokia', 'rokia@example.ml'),
  contact('issa', 'AWA@example.ml'),
]);

describe('who is told about a release', () => {
  const letters = (previous: ReleasedSession[], next: ReleasedSession[], participants: Parameters<typeof composeLetters>[4] = []) =>
    composeLetters(diffReleases(previous, next), previous, next, speakers, participants).map((l) => [
      l.email,
      l.locale,
      l.changes.map((c) => `${c.sessionId}:${c.kind}`).sort(),
    ]);

  it('nobody, when sessions are only added', () => {
    expect(letters([], [aSession('s1', [['awa', 'moderator']])])).toEqual([]);
  });

  it('every person of a moved session, once, in their language', () => {
    const before = [
      aSession('s1', [
        ['rokia', 'moderator'],
        ['moussa', 'panelist'],
      ]),
    ];
    const after = [
      aSession(
        's1',
        [
          ['rokia', 'moderator'],
          ['moussa', 'panelist'],
        ],
        { startsAt: '2030-06-10T11:00:00.000Z', endsAt: '2030-06-10T12:00:00.000Z', room: { id: 'r2', name: 'Salle 2' } },
      ),
    ];
    expect(letters(before, after)).toEqual([
      ['rokia@example.ml', 'fr', ['s1:moved', 's1:room-changed']],
      ['moussa@example.ml', 'en', ['s1:moved', 's1:room-changed']],
    ]);
  });

  it('the people of a cancelled session; those of an untouched one are not', () => {
    const before = [
      aSession('s1', [['awa', 'speaker']]),
      aSession('s2', [['rokia', 'speaker']], { startsAt: '2030-06-10T14:00:00.000Z', endsAt: '2030-06-10T15:00:00.000Z' }),
    ];
    expect(letters(before, [before[1]])).toEqual([['awa@example.ml', 'fr', ['s1:cancelled']]]);
  });

  it('only the person added or removed when the people change', () => {
    const before = [
      aSession('s1', [
        ['rokia', 'moderator'],
        ['awa', 'panelist'],
      ]),
    ];
    const after = [
      aSession('s1', [
        ['rokia', 'moderator'],
        ['moussa', 'panelist'],
      ]),
    ];
    expect(
      letters(before, after)
        .map(([email]) => email)
        .sort(),
    ).toEqual(['awa@example.ml', 'moussa@example.ml']);
  });

  it('one letter per address, even for two people sharing it', () => {
    const before = [
      aSession('s1', [
        ['awa', 'speaker'],
        ['issa', 'speaker'],
      ]),
    ];
    const after = [
      aSession(
        's1',
        [
          ['awa', 'speaker'],
          ['issa', 'speaker'],
        ],
        { room: null },
      ),
    ];
    expect(letters(before, after)).toEqual([['awa@example.ml', 'fr', ['s1:room-changed']]]);
  });

  it('participants the providers name, for the changes to their sessions', () => {
    const before = [aSession('s1', []), aSession('s2', [], { startsAt: '2030-06-10T14:00:00.000Z', endsAt: '2030-06-10T15:00:00.000Z' })];
    const after = [
      aSession('s1', [], { status: 'cancelled' }),
      aSession('s2', [], { startsAt: '2030-06-10T14:00:00.000Z', endsAt: '2030-06-10T15:00:00.000Z', title: { fr: 'Renommée' } }),
    ];
    const out = letters(before, after, [{ email: 'jeune@example.ml', name: 'Jeune', locale: 'fr', sessionIds: ['s1', 's2'] }]);
    expect(out).toEqual([['jeune@example.ml', 'fr', ['s1:cancelled']]]);
  });

  it('turns a change into the template’s shape, dropping detail changes', () => {
    const [moved] = diffReleases([aSession('s1', [])], [aSession('s1', [], { startsAt: '2030-06-10T09:30:00.000Z' })]);
    expect(toMailChange(moved)).toEqual({
      sessionTitle: { fr: 'Session s1', en: 'Session s1 (en)' },
      kind: 'moved',
      before: { startsAt: '2030-06-10T09:00:00.000Z', endsAt: '2030-06-10T10:00:00.000Z' },
      after: { startsAt: '2030-06-10T09:30:00.000Z', endsAt: '2030-06-10T10:00:00.000Z' },
    });
    const [details] = diffReleases([aSession('s1', [])], [aSession('s1', [], { title: { fr: 'Autre' } })]);
    expect(toMailChange(details)).toBeNull();
  });
});
