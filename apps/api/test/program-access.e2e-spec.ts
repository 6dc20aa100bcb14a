import { anOrganizer, TestOrganizer } from './support/organizers';
import { aKeynote, ProgramApi } from './support/program';
import { json, suiteApp } from './support/test-app';

/** Object-level authorization: every organizer route, seen from another organization and from roles that may not write. */
describe('who may touch an event’s program', () => {
  let owner: TestOrganizer;
  let p: ProgramApi;
  let ids: { room: string; track: string; speaker: string; session: string };

  const t = suiteApp();
  beforeAll(async () => {
    owner = await anOrganizer(t, { organization: 'ONG Sahel Formation' });
    p = await ProgramApi.newEvent(t, owner);
    const [room, track, speaker] = [await p.room('Salle 1'), await p.track('Santé'), await p.speaker('Mariam Sidibé', { email: 'mariam@example.ml' })];
    const session = (await p.session(aKeynote().inRoom(room).withSpeakers(speaker))).id;
    ids = { room, track, speaker, session };
  });

  const writes = () =>
    [
      ['PATCH', '', { venueName: 'Ailleurs' }],
      ['POST', '/publish', undefined],
      ['POST', '/archive', undefined],
      ['POST', '/rooms', { name: 'Salle pirate' }],
      ['PATCH', `/rooms/${ids.room}`, { name: 'Salle pirate' }],
      ['DELETE', `/rooms/${ids.room}`, undefined],
      ['POST', '/tracks', { name: { fr: 'Pirate' }, colour: '#000000' }],
      ['PATCH', `/tracks/${ids.track}`, { colour: '#000000' }],
      ['DELETE', `/tracks/${ids.track}`, undefined],
      ['POST', '/speakers', { name: 'Intrus' }],
      ['PATCH', `/speakers/${ids.speaker}`, { name: 'Intrus' }],
      ['POST', `/speakers/${ids.speaker}/agenda-link`, undefined],
      ['POST', '/program/sessions', aKeynote().on(1, '15:00', '16:00').build()],
      ['PATCH', `/program/sessions/${ids.session}`, { title: { fr: 'Piraté' } }],
      ['DELETE', `/program/sessions/${ids.session}`, undefined],
      ['POST', '/program/releases', { note: 'pirate' }],
    ] as const;
  const reads = () =>
    [
      ['GET', '/settings'],
      ['GET', '/rooms'],
      ['GET', '/tracks'],
      ['GET', `/speakers/${ids.speaker}`],
      ['GET', '/program/sessions'],
      ['GET', `/program/sessions/${ids.session}`],
      ['GET', '/program/releases'],
      ['GET', '/program/releases/preview'],
    ] as const;

  it('answers 404 to a member of another organization, on every organizer route, and changes nothing', async () => {
    const stranger = p.as(await anOrganizer(t, { organization: 'ONG Voisine' }));
    for (const [method, path, body] of [...writes(), ...reads().map(([m, path]) => [m, path, undefined] as const)]) {
      const res = await stranger.call(method, path, body);
      expect([`${method} ${path}`, res.status]).toEqual([`${method} ${path}`, 404]);
      expect((await json(res)).code).toMatch(/NOT_FOUND$/);
    }
    const valid = {
      slug: 'forum-intrus',
      title: { fr: 'Intrus' },
      startsAt: '2030-06-10T08:00:00Z',
      endsAt: '2030-06-11T18:00:00Z',
      timeZone: 'Africa/Bamako',
    };
    const res = await t.fetch(`/api/v1/organizations/${owner.organizationSlug}/events`, {
      method: 'POST',
      headers: stranger.org.headers,
      body: JSON.stringify(valid),
    });
    expect(res.status).toBe(404);
    const draft = await p.draft();
    expect(draft).toHaveLength(1);
    expect(draft[0].title.fr).not.toBe('Piraté');
    expect((await p.ok<{ items: unknown[] }>('GET', '/rooms')).items).toHaveLength(1);
  });

  it('does not tell a stranger whether the event exists: the same answer as an unknown slug', async () => {
    const stranger = await anOrganizer(t, { organization: 'ONG Curieuse' });
    const theirs = await t.fetch(`/api/v1/events/${p.slug}/program/sessions`, { headers: stranger.headers });
    const none = await t.fetch('/api/v1/events/no-such-forum/program/sessions', { headers: stranger.headers });
    const strip = (b: Record<string, unknown>) => ({ ...b, detail: undefined, instance: undefined, requestId: undefined });
    expect(strip(await json(theirs))).toEqual(strip(await json(none)));
  });

  it.each(['viewer', 'desk'] as const)('lets a %s read the program but not write it (403)', async (role) => {
    const member = p.as(await anOrganizer(t, { organization: 'ONG Sahel Formation', role }));
    for (const [method, path, body] of writes()) {
      const res = await member.call(method, path, body);
      expect([`${method} ${path}`, res.status]).toEqual([`${method} ${path}`, 403]);
      expect((await json(res)).code).toBe('FORBIDDEN');
    }
    for (const [method, path] of reads()) {
      const res = await member.call(method, path);
      expect([`${method} ${path}`, res.status]).toEqual([`${method} ${path}`, 200]);
    }
    expect(await p.draft()).toHaveLength(1);
  });

  it('lets the program role build the program but not edit or publish the event', async () => {
    const programmer = p.as(await anOrganizer(t, { organization: 'ONG Sahel Formation', role: 'program' }));
    expect((await programmer.call('POST', '/rooms', { name: 'Salle 2' })).status).toBe(201);
    expect((await programmer.createSession(aKeynote().on(2, '09:00', '10:00'))).status).toBe(201);
    expect((await programmer.call('PATCH', '', { venueName: 'Ailleurs' })).status).toBe(403);
    expect((await programmer.call('POST', '/publish')).status).toBe(403);
  });

  it('asks for sign-in on organizer routes (401)', async () => {
    const res = await t.fetch(`/api/v1/events/${p.slug}/program/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(aKeynote().build()),
    });
    expect(res.status).toBe(401);
    expect((await t.fetch(`/api/v1/events/${p.slug}/rooms`)).status).toBe(401);
    expect((await t.fetch(`/api/v1/events/${p.slug}/program/releases`, { method: 'POST', headers: { authorization: 'Bearer nope' } })).status).toBe(401);
  });
});
