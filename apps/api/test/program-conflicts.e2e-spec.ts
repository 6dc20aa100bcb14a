import { DataSource } from 'typeorm';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aKeynote, aPanel, aPlenary, at, aWorkshop, ProblemBody, ProgramApi } from './support/program';
import { itBreaksWithoutItsLock, itHoldsUnderConcurrency } from '@palabre/testing';
import { json, startTestApp, TestApp, suiteApp } from './support/test-app';

/** A conflict-free program, built and defended through the API. */
describe('the program refuses conflicts, naming the other session', () => {
  let owner: TestOrganizer;
  const t = suiteApp();
  beforeAll(async () => {
    owner = await anOrganizer(t);
  });

  it('builds a program: rooms, tracks, speakers, a panel and a workshop', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const room = await p.room('Salle des Banquets', 800);
    const track = await p.track('Entrepreneuriat', '#b5541c');
    const [awa, moussa, oumar] = [await p.speaker('Awa Diarra'), await p.speaker('Moussa Keïta'), await p.speaker('Oumar Dembélé')];
    const panel = await p.session(
      aPanel().titled('Entreprendre au Mali').on(1, '09:00', '10:30').inRoom(room).with({ trackId: track }).withModerator(awa).withPanelists(moussa, oumar),
    );
    expect(panel).toMatchObject({
      title: { fr: 'Entreprendre au Mali' },
      type: 'panel',
      startsAt: '2030-06-10T09:00:00.000Z',
      room: { id: room, name: 'Salle des Banquets' },
      track: { id: track, name: { fr: 'Entrepreneuriat' }, colour: '#b5541c' },
      status: 'confirmed',
      people: [
        { speakerId: awa, name: 'Awa Diarra', role: 'moderator' },
        { speakerId: moussa, name: 'Moussa Keïta', role: 'panelist' },
        { speakerId: oumar, name: 'Oumar Dembélé', role: 'panelist' },
      ],
    });
    expect(panel.number).toEqual(expect.any(Number));
    expect(panel.id).toMatch(/^[0-9a-f-]{36}$/);
    await p.session(aWorkshop().titled('Rédiger son CV').on(1, '10:30', '12:00').inRoom(room).with({ capacity: 40 }));
    const draft = await p.draft();
    expect(draft.map((s) => s.title.fr)).toEqual(['Entreprendre au Mali', 'Rédiger son CV']);
  });

  it('refuses a second session in a room at overlapping times (ROOM_DOUBLE_BOOKED)', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const room = await p.room('Salle 1');
    const first = await p.session(aKeynote().titled('Ouverture officielle', 'Official opening').on(1, '09:00', '10:00').inRoom(room));
    const res = await p.createSession(aWorkshop().titled('Atelier CV').on(1, '09:30', '10:30').inRoom(room));
    expect(res.status).toBe(409);
    const problem = await json<ProblemBody>(res);
    expect(problem).toMatchObject({ code: 'ROOM_DOUBLE_BOOKED', conflictingSessionId: first.id, errors: [{ field: 'roomId' }] });
    expect(problem.detail).toContain('« Ouverture officielle »');
    expect(problem.detail).toContain('Salle 1');
    expect(problem.detail).toContain('09:00');
    const english = await p.call('POST', '/program/sessions', aWorkshop().on(1, '09:30', '10:30').inRoom(room).build(), { 'accept-language': 'en' });
    expect((await json<ProblemBody>(english)).detail).toContain('"Official opening"');
    expect(await p.draft()).toHaveLength(1);
  });

  it('lets sessions follow each other in a room, and use other rooms at the same time', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const [r1, r2] = [await p.room(), await p.room()];
    await p.session(aKeynote().on(1, '09:00', '10:00').inRoom(r1));
    expect((await p.createSession(aKeynote().on(1, '10:00', '11:00').inRoom(r1))).status).toBe(201);
    expect((await p.createSession(aKeynote().on(1, '09:00', '10:00').inRoom(r2))).status).toBe(201);
  });

  it('refuses one person in two overlapping sessions, whatever their roles (SPEAKER_DOUBLE_BOOKED)', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const [r1, r2] = [await p.room(), await p.room()];
    const [rokia, moussa, awa] = [await p.speaker('Rokia Doumbia'), await p.speaker('Moussa Keïta'), await p.speaker('Awa Diarra')];
    const panel = await p.session(
      aPanel().titled('Femmes et entrepreneuriat').on(2, '10:30', '12:00').inRoom(r1).withModerator(rokia).withPanelists(moussa, awa),
    );
    // Rokia moderates the panel; she cannot host a workshop next door at 11:00.
    const res = await p.createSession(aWorkshop().titled('Atelier radio').on(2, '11:00', '12:30').inRoom(r2).withHost(rokia));
    expect(res.status).toBe(409);
    const problem = await json<ProblemBody>(res);
    expect(problem).toMatchObject({
      code: 'SPEAKER_DOUBLE_BOOKED',
      conflictingSessionId: panel.id,
      speakerId: rokia,
      errors: [{ field: 'people.0.speakerId' }],
    });
    expect(problem.detail).toContain('Rokia Doumbia');
    expect(problem.detail).toContain('« Femmes et entrepreneuriat »');
    // Another person is fine, and so is Rokia after the panel.
    expect(
      (
        await p.createSession(
          aWorkshop()
            .on(2, '11:00', '12:30')
            .inRoom(r2)
            .withHost(await p.speaker('Modibo Diakité')),
        )
      ).status,
    ).toBe(201);
    expect((await p.createSession(aKeynote().on(2, '12:00', '13:00').withSpeakers(rokia))).status).toBe(201);
  });

  it('refuses a person listed twice in one session, and people of another event', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const other = await ProgramApi.newEvent(t, owner);
    const awa = await p.speaker('Awa Diarra');
    const twice = await p.createSession(aPanel().withModerator(awa).withPanelists(awa));
    expect(twice.status).toBe(400);
    expect(await json(twice)).toMatchObject({ code: 'PERSON_LISTED_TWICE', errors: [{ field: 'people.1.speakerId' }] });
    const foreign = await p.createSession(aKeynote().withSpeakers(await other.speaker('Quelqu’un d’ailleurs')));
    expect(foreign.status).toBe(400);
    expect(await json(foreign)).toMatchObject({ code: 'UNKNOWN_SPEAKER', errors: [{ field: 'people.0.speakerId' }] });
    const foreignRoom = await p.createSession(aKeynote().inRoom(await other.room()));
    expect(await json(foreignRoom)).toMatchObject({ code: 'UNKNOWN_ROOM', errors: [{ field: 'roomId' }] });
    expect(await p.draft()).toHaveLength(0);
  });

  it.each([
    ['before the event opens', at(1, '07:00'), at(1, '08:30'), 'SESSION_OUTSIDE_EVENT', 'startsAt'],
    ['after it closes', at(2, '17:30'), at(2, '18:30'), 'SESSION_OUTSIDE_EVENT', 'startsAt'],
    ['on the day after', at(3, '09:00'), at(3, '10:00'), 'SESSION_OUTSIDE_EVENT', 'startsAt'],
    ['across midnight', at(1, '22:00'), at(2, '09:00'), 'SESSION_LONGER_THAN_DAY', 'endsAt'],
    ['over both days', at(1, '08:00'), at(2, '18:00'), 'SESSION_LONGER_THAN_DAY', 'endsAt'],
    ['ending before it starts', at(1, '10:00'), at(1, '09:00'), 'INVALID_SESSION_TIMES', 'endsAt'],
  ])('refuses a session %s', async (_label, startsAt, endsAt, code, field) => {
    const p = await ProgramApi.newEvent(t, owner);
    const res = await p.createSession(aPlenary().between(startsAt, endsAt));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const problem = await json<ProblemBody>(res);
    expect(problem).toMatchObject({ code, errors: [{ field }] });
    expect(problem.detail).toBeTruthy();
    expect(await p.draft()).toHaveLength(0);
  });

  it('re-checks every rule when a session moves, changes room or people', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const [r1, r2] = [await p.room('Salle 1'), await p.room('Salle 2')];
    const [awa, issa] = [await p.speaker('Awa Diarra'), await p.speaker('Issa Touré')];
    const morning = await p.session(aKeynote().titled('Matinale').on(1, '09:00', '10:00').inRoom(r1).withSpeakers(awa));
    const noon = await p.session(aKeynote().titled('Midi').on(1, '12:00', '13:00').inRoom(r2).withSpeakers(issa));

    const intoRoom = await p.moveSession(noon.id, { startsAt: at(1, '09:30'), endsAt: at(1, '10:30'), roomId: r1 });
    expect(intoRoom.status).toBe(409);
    expect(await json(intoRoom)).toMatchObject({ code: 'ROOM_DOUBLE_BOOKED', conflictingSessionId: morning.id });

    const sameTime = await p.moveSession(noon.id, { startsAt: at(1, '09:30'), endsAt: at(1, '10:30') });
    expect(sameTime.status).toBe(200);
    const withAwa = await p.moveSession(noon.id, { people: [{ speakerId: awa, role: 'speaker' }] });
    expect(withAwa.status).toBe(409);
    expect(await json(withAwa)).toMatchObject({ code: 'SPEAKER_DOUBLE_BOOKED', conflictingSessionId: morning.id });

    const outside = await p.moveSession(noon.id, { startsAt: at(3, '09:00'), endsAt: at(3, '10:00') });
    expect(await json(outside)).toMatchObject({ code: 'SESSION_OUTSIDE_EVENT' });

    // Moving a session onto its own slot is no conflict with itself.
    const self = await p.moveSession(morning.id, { endsAt: at(1, '09:45') });
    expect(self.status).toBe(200);
    const stored = await p.draft();
    expect(stored.find((s) => s.id === noon.id)).toMatchObject({ startsAt: '2030-06-10T09:30:00.000Z', room: { id: r2 }, people: [{ speakerId: issa }] });
  });

  it('frees the room and the people of a cancelled session', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const room = await p.room();
    const awa = await p.speaker('Awa Diarra');
    const first = await p.session(aKeynote().on(1, '09:00', '10:00').inRoom(room).withSpeakers(awa));
    expect((await p.moveSession(first.id, { status: 'cancelled' })).status).toBe(200);
    expect((await p.createSession(aKeynote().on(1, '09:00', '10:00').inRoom(room).withSpeakers(awa))).status).toBe(201);
    // Reinstating the cancelled one would now double-book: refused.
    expect(await json(await p.moveSession(first.id, { status: 'confirmed' }))).toMatchObject({ code: 'ROOM_DOUBLE_BOOKED' });
  });

  // The room rule is an exclusion constraint: it holds whatever the locks. The people rule is
  // checked in the transaction, behind the event row's lock.
  it('stores only one of many overlapping sessions posted at once for a room', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const room = await p.room('Salle Wa Kamissoko');
    const attempts = Array.from({ length: 8 }, (_, i) =>
      aWorkshop()
        .titled(`Atelier ${i}`)
        .on(1, i % 2 ? '10:00' : '10:30', i % 2 ? '11:00' : '11:30')
        .inRoom(room),
    );
    const results = await Promise.all(attempts.map((a) => p.createSession(a)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect((await json(r)).code).toBe('ROOM_DOUBLE_BOOKED');
    expect(await p.draft()).toHaveLength(1);
  });

  /** Six sessions for one speaker at the same time in six rooms, posted at once: the statuses. */
  async function bookOneSpeakerSixTimes(app: TestApp, organizer: TestOrganizer): Promise<{ statuses: number[]; stored: number }> {
    const p = await ProgramApi.newEvent(app, organizer);
    const rooms = await Promise.all(Array.from({ length: 6 }, (_, i) => p.room(`Salle ${i + 1}`)));
    const kadiatou = await p.speaker('Kadiatou Konaté');
    const results = await Promise.all(
      rooms.map((room, i) => p.createSession(aWorkshop().titled(`Atelier ${i}`).on(2, '14:00', '15:30').inRoom(room).withSpeakers(kadiatou))),
    );
    return { statuses: results.map((r) => r.status).sort(), stored: (await p.draft()).length };
  }

  itHoldsUnderConcurrency('stores only one of many overlapping sessions posted at once for one speaker', async () => {
    expect(await bookOneSpeakerSixTimes(t, owner)).toEqual({ statuses: [201, 409, 409, 409, 409, 409], stored: 1 });
  });

  itBreaksWithoutItsLock('event-program', 'one speaker can be booked into overlapping sessions posted at once', async () => {
    const unlocked = await startTestApp({ TEST_WITHOUT_LOCKS: 'event-program' });
    try {
      const organizer = await anOrganizer(unlocked);
      let stored = 1;
      for (let round = 0; round < 5 && stored === 1; round++) stored = (await bookOneSpeakerSixTimes(unlocked, organizer)).stored;
      expect(stored).toBeGreaterThan(1);
    } finally {
      await unlocked.close();
    }
  });

  it('holds the room rule in the database itself (exclusion constraint), and names the holder', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const other = await ProgramApi.newEvent(t, owner);
    const room = await p.room('Salle 2');
    const ds = t.app.get(DataSource);
    const insert = (eventId: string, title: string, from: string, to: string) =>
      ds.query(
        `INSERT INTO program_sessions (organization_id, event_id, title, type, starts_at, ends_at, room_id) VALUES ($1, $2, $3, 'plenary', $4, $5, $6)`,
        [owner.organizationId, eventId, JSON.stringify({ fr: title }), from, to, room],
      );
    await insert(p.eventId, 'Première', at(1, '09:00'), at(1, '10:00'));
    await expect(insert(p.eventId, 'Seconde', at(1, '09:30'), at(1, '10:30'))).rejects.toMatchObject({ code: '23P01' });
    // A stray row the service does not see (wrong event, same room) still holds the room: the constraint
    // refuses the write and the problem names the holder.
    await insert(other.eventId, 'Ligne égarée', at(1, '14:00'), at(1, '15:00'));
    const res = await p.createSession(aKeynote().on(1, '14:30', '15:30').inRoom(room));
    expect(res.status).toBe(409);
    const problem = await json<ProblemBody>(res);
    expect(problem.code).toBe('ROOM_DOUBLE_BOOKED');
    expect(problem.detail).toContain('Ligne égarée');
  });

  it('will not delete a room or track a session uses', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const [room, spare] = [await p.room('Salle 1'), await p.room('Salle 9')];
    const track = await p.track('Santé');
    await p.session(aKeynote().titled('Santé au travail').inRoom(room).with({ trackId: track }));
    expect(await json(await p.call('DELETE', `/rooms/${room}`))).toMatchObject({ code: 'ROOM_IN_USE', detail: expect.stringContaining('Santé au travail') });
    expect(await json(await p.call('DELETE', `/tracks/${track}`))).toMatchObject({ code: 'TRACK_IN_USE' });
    expect((await p.call('DELETE', `/rooms/${spare}`)).status).toBe(204);
    expect((await p.ok<{ items: unknown[] }>('GET', '/rooms')).items).toHaveLength(1);
  });

  it('refuses two rooms with one name, and deletes sessions', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await p.room('Salle 1');
    expect(await json(await p.call('POST', '/rooms', { name: 'Salle 1' }))).toMatchObject({ code: 'ROOM_NAME_TAKEN', errors: [{ field: 'name' }] });
    const s = await p.session(aKeynote());
    expect((await p.call('DELETE', `/program/sessions/${s.id}`)).status).toBe(204);
    expect((await p.call('DELETE', `/program/sessions/${s.id}`)).status).toBe(404);
    expect(await p.draft()).toHaveLength(0);
  });
});
