import { DataSource } from 'typeorm';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aKeynote, aPanel, at, aWorkshop, ProblemBody, ProgramApi } from './support/program';
import { json, suiteApp } from './support/test-app';

interface Change {
  kind: string;
  sessionId: string;
  title: { fr: string };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}
interface Release {
  number: number;
  note: string;
  changelog: Change[];
  notified?: number;
}
interface OutboxRow {
  recipient: string;
  locale: string;
  template: string;
  dedupe_key: string;
  event_id: string;
  data: {
    name: string;
    releaseNumber: number;
    eventSlug: string;
    timeZone: string;
    changes: { kind: string; sessionTitle: { fr: string }; before?: Record<string, string>; after?: Record<string, string> }[];
  };
}

const kinds = (r: Release) => r.changelog.map((c) => `${c.title.fr}: ${c.kind}`).sort();

describe('releases: the draft frozen, a changelog, and the people told', () => {
  let owner: TestOrganizer;
  let outbox: (eventId: string) => Promise<OutboxRow[]>;
  const t = suiteApp();
  beforeAll(async () => {
    owner = await anOrganizer(t);
    const ds = t.app.get(DataSource);
    outbox = (eventId) =>
      ds.query(
        `SELECT recipient, locale, template, dedupe_key, event_id, data FROM outbox_messages WHERE event_id = $1 AND template = 'program.change' ORDER BY recipient`,
        [eventId],
      );
  });

  it('refuses to release an incomplete panel, naming it', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const [awa, moussa] = [await p.speaker('Awa Diarra'), await p.speaker('Moussa Keïta')];
    const panel = await p.session(aPanel().titled('Les ONG, premier employeur des jeunes ?').withModerator(awa).withPanelists(moussa));
    const res = await p.release();
    expect(res.status).toBe(409);
    const problem = await json<ProblemBody>(res);
    expect(problem).toMatchObject({ code: 'PANEL_INCOMPLETE', sessionId: panel.id, moderators: 1, panelists: 1 });
    expect(problem.detail).toContain('« Les ONG, premier employeur des jeunes ? »');
    expect((await p.ok<{ items: unknown[] }>('GET', '/program/releases')).items).toHaveLength(0);

    // Two moderators is no better; one moderator and two panelists is a panel.
    const oumar = await p.speaker('Oumar Dembélé');
    await p.moveSession(panel.id, {
      people: [
        { speakerId: awa, role: 'moderator' },
        { speakerId: oumar, role: 'moderator' },
        { speakerId: moussa, role: 'panelist' },
      ],
    });
    expect(await json(await p.release())).toMatchObject({ code: 'PANEL_INCOMPLETE', moderators: 2 });
    const preview = await p.ok<{ blockers: { code: string; sessionId: string }[] }>('GET', '/program/releases/preview');
    expect(preview.blockers).toEqual([expect.objectContaining({ code: 'PANEL_INCOMPLETE', sessionId: panel.id })]);
    await p.moveSession(panel.id, {
      people: [
        { speakerId: awa, role: 'moderator' },
        { speakerId: oumar, role: 'panelist' },
        { speakerId: moussa, role: 'panelist' },
      ],
    });
    expect((await p.release()).status).toBe(201);
  });

  it('refuses to release sessions the event no longer covers after its dates changed', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const late = await p.session(aKeynote().titled('Clôture').on(2, '16:00', '17:00'));
    await p.ok('PATCH', '', { endsAt: '2030-06-11T12:00:00Z' });
    const res = await p.release();
    expect(res.status).toBe(422);
    expect(await json(res)).toMatchObject({ code: 'SESSION_OUTSIDE_EVENT', sessionId: late.id, detail: expect.stringContaining('« Clôture »') });
    const preview = await p.ok<{ blockers: { code: string; sessionId: string }[] }>('GET', '/program/releases/preview');
    expect(preview.blockers).toEqual([expect.objectContaining({ code: 'SESSION_OUTSIDE_EVENT', sessionId: late.id })]);
  });

  it('refuses an empty program, and a release that changes nothing', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    expect(await json(await p.release())).toMatchObject({ code: 'RELEASE_EMPTY' });
    await p.session(aKeynote());
    expect((await p.release()).status).toBe(201);
    expect(await json(await p.release())).toMatchObject({ code: 'RELEASE_UNCHANGED', detail: expect.stringContaining('1') });
  });

  it('publishes two releases; the second’s changelog and emails say what moved, changed room or was cancelled', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await p.publishEvent();
    const [banquets, salle1, salle2] = [await p.room('Salle des Banquets'), await p.room('Salle 1'), await p.room('Salle 2')];
    const rokia = await p.speaker('Rokia Doumbia', { email: 'rokia@radio.example', locale: 'fr' });
    const awa = await p.speaker('Awa Diarra', { email: 'Awa@Reseau.example' });
    const seydou = await p.speaker('Seydou Maïga', { email: 'seydou@djoliba.example' });
    const oumar = await p.speaker('Oumar Dembélé', { email: 'oumar@fasokanu.example', locale: 'en' });
    const kadiatou = await p.speaker('Kadiatou Konaté', { email: 'kadiatou@codelab.example' });
    const nomail = await p.speaker('Issa Touré');

    const panel = await p.session(
      aPanel().titled('Entreprendre au Mali').on(1, '14:00', '15:30').inRoom(banquets).withModerator(rokia).withPanelists(awa, seydou),
    );
    const workshop = await p.session(aWorkshop().titled('Rédiger son CV').on(1, '11:00', '12:30').inRoom(salle2).withSpeakers(awa).with({ capacity: 40 }));
    const keynote = await p.session(aKeynote().titled('Santé au travail', 'Health at work').on(2, '09:00', '10:00').inRoom(salle1).withSpeakers(oumar, nomail));
    const steady = await p.session(aKeynote().titled('Chiffres de l’emploi').on(2, '11:00', '12:00').inRoom(salle1).withSpeakers(kadiatou));
    const tentative = await p.session(aKeynote().titled('Peut-être').on(2, '15:00', '16:00').with({ status: 'draft' }));

    const first = await json<Release>(await p.release('Programme initial'));
    expect(first.number).toBe(1);
    expect(kinds(first)).toEqual(['Chiffres de l’emploi: added', 'Entreprendre au Mali: added', 'Rédiger son CV: added', 'Santé au travail: added']);
    expect(first.notified).toBe(0);
    expect(await outbox(p.eventId)).toHaveLength(0);

    const publicOne = await json<{ items: { id: string; title: { fr: string }; people: { id: string; name: string; role: string }[] }[] }>(
      await t.fetch(`/api/v1/events/${p.slug}/sessions`),
    );
    expect(publicOne.items.map((s) => s.title.fr)).toEqual(['Rédiger son CV', 'Entreprendre au Mali', 'Santé au travail', 'Chiffres de l’emploi']);
    expect(publicOne.items.some((s) => s.id === tentative.id)).toBe(false);
    expect(publicOne.items[1].people).toEqual([
      { id: rokia, name: 'Rokia Doumbia', role: 'moderator' },
      { id: awa, name: 'Awa Diarra', role: 'panelist' },
      { id: seydou, name: 'Seydou Maïga', role: 'panelist' },
    ]);

    // The draft changes; the public program does not, until the next release.
    expect((await p.moveSession(workshop.id, { startsAt: at(1, '16:00'), endsAt: at(1, '17:30') })).status).toBe(200);
    expect((await p.moveSession(panel.id, { roomId: salle1 })).status).toBe(200);
    expect((await p.moveSession(keynote.id, { status: 'cancelled' })).status).toBe(200);
    const added = await p.session(aWorkshop().titled('Monter son plan d’affaires').on(2, '14:00', '16:00').inRoom(salle2).withSpeakers(kadiatou));
    const stillOne = await json<{ items: { id: string; startsAt: string }[] }>(await t.fetch(`/api/v1/events/${p.slug}/sessions`));
    expect(stillOne.items.find((s) => s.id === workshop.id)?.startsAt).toBe('2030-06-10T11:00:00.000Z');

    const preview = await p.ok<{ basedOn: number; nextNumber: number; changelog: Change[] }>('GET', '/program/releases/preview');
    expect(preview).toMatchObject({ basedOn: 1, nextNumber: 2 });
    expect(preview.changelog.map((c) => c.kind).sort()).toEqual(['added', 'cancelled', 'moved', 'room-changed']);

    const second = await json<Release>(await p.release('Changements de salles et d’horaires'));
    expect(second.number).toBe(2);
    expect(kinds(second)).toEqual([
      'Entreprendre au Mali: room-changed',
      'Monter son plan d’affaires: added',
      'Rédiger son CV: moved',
      'Santé au travail: cancelled',
    ]);
    const moved = second.changelog.find((c) => c.kind === 'moved')!;
    expect(moved).toMatchObject({ sessionId: workshop.id, before: { startsAt: '2030-06-10T11:00:00.000Z' }, after: { startsAt: '2030-06-10T16:00:00.000Z' } });
    expect(second.changelog.find((c) => c.kind === 'room-changed')).toMatchObject({ before: { room: 'Salle des Banquets' }, after: { room: 'Salle 1' } });
    expect(second.changelog.find((c) => c.kind === 'added')?.sessionId).toBe(added.id);

    // One email per person concerned, in their language; Kadiatou (only added) and Issa (no address) get none.
    const rows = await outbox(p.eventId);
    expect(rows.map((r) => [r.recipient, r.locale])).toEqual([
      ['awa@reseau.example', 'fr'],
      ['oumar@fasokanu.example', 'en'],
      ['rokia@radio.example', 'fr'],
      ['seydou@djoliba.example', 'fr'],
    ]);
    expect(second.notified).toBe(4);
    for (const r of rows) expect(r.dedupe_key).toBe(`release:${p.eventId}:2:${r.recipient}`);
    const awaMail = rows.find((r) => r.recipient === 'awa@reseau.example')!;
    expect(awaMail.data).toMatchObject({ name: 'Awa Diarra', releaseNumber: 2, eventSlug: p.slug, timeZone: 'Africa/Bamako' });
    // Awa is on two changed sessions: one email lists both.
    expect(awaMail.data.changes.map((c) => `${c.sessionTitle.fr}: ${c.kind}`).sort()).toEqual(['Entreprendre au Mali: room-changed', 'Rédiger son CV: moved']);
    expect(awaMail.data.changes.find((c) => c.kind === 'moved')).toMatchObject({
      before: { startsAt: '2030-06-10T11:00:00.000Z' },
      after: { startsAt: '2030-06-10T16:00:00.000Z' },
    });
    expect(rows.find((r) => r.recipient === 'oumar@fasokanu.example')!.data.changes).toEqual([
      expect.objectContaining({
        kind: 'cancelled',
        sessionTitle: { fr: 'Santé au travail', en: 'Health at work' },
        before: expect.objectContaining({ room: 'Salle 1' }),
      }),
    ]);

    const list = await p.ok<{ items: Release[]; total: number }>('GET', '/program/releases');
    expect(list.items.map((r) => [r.number, r.note])).toEqual([
      [2, 'Changements de salles et d’horaires'],
      [1, 'Programme initial'],
    ]);

    const publicTwo = await json<{ items: { id: string; status: string; startsAt: string; room: { name: string } | null }[] }>(
      await t.fetch(`/api/v1/events/${p.slug}/sessions`),
    );
    expect(publicTwo.items.find((s) => s.id === workshop.id)?.startsAt).toBe('2030-06-10T16:00:00.000Z');
    expect(publicTwo.items.find((s) => s.id === keynote.id)?.status).toBe('cancelled');
    expect(publicTwo.items.find((s) => s.id === panel.id)?.room?.name).toBe('Salle 1');
    expect(publicTwo.items.find((s) => s.id === steady.id)?.status).toBe('confirmed');

    // A third release after a change of people only: the person added and the one removed are told.
    await p.moveSession(panel.id, {
      people: [
        { speakerId: rokia, role: 'moderator' },
        { speakerId: awa, role: 'panelist' },
        { speakerId: kadiatou, role: 'panelist' },
      ],
    });
    const third = await json<Release>(await p.release());
    expect(kinds(third)).toEqual(['Entreprendre au Mali: people-changed']);
    const thirdRows = (await outbox(p.eventId)).filter((r) => r.dedupe_key.includes(':3:'));
    expect(thirdRows.map((r) => r.recipient)).toEqual(['kadiatou@codelab.example', 'seydou@djoliba.example']);
  });

  it('shows the public only the speakers of the release, without email or phone', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await p.publishEvent();
    const awa = await p.speaker('Awa Diarra', {
      email: 'awa@example.ml',
      phone: '+223 76 00 00 00',
      title: 'Présidente',
      organization: 'Réseau des femmes entrepreneures',
      bio: { fr: 'Entrepreneure.', en: 'Entrepreneur.' },
    });
    await p.speaker('Pas encore programmé', { email: 'x@example.ml' });
    await p.session(aKeynote().withSpeakers(awa));
    await p.release();

    const anonymous = await t.fetch(`/api/v1/events/${p.slug}/speakers`);
    const body = await anonymous.text();
    expect(anonymous.status).toBe(200);
    expect(body).not.toContain('awa@example.ml');
    expect(body).not.toContain('+223');
    const list = JSON.parse(body) as { items: Record<string, unknown>[] };
    expect(list.items).toEqual([
      {
        id: awa,
        name: 'Awa Diarra',
        title: 'Présidente',
        organization: 'Réseau des femmes entrepreneures',
        bio: { fr: 'Entrepreneure.', en: 'Entrepreneur.' },
        links: [],
        languages: [],
        photo: null,
      },
    ]);

    // The organization's members see every profile, contact details included.
    const organizer = await p.ok<{ items: { email: string | null }[] }>('GET', '/speakers');
    expect(organizer.items.map((s) => s.email).sort()).toEqual(['awa@example.ml', 'x@example.ml']);
  });

  it('answers the public event with whether registration is open, and the seats left (all of them before anyone registers)', async () => {
    const p = await ProgramApi.newEvent(t, owner, {
      capacity: 3000,
      registrationOpensAt: '2020-01-01T00:00:00Z',
      registrationClosesAt: '2030-06-11T12:00:00Z',
    });
    expect((await t.fetch(`/api/v1/events/${p.slug}`)).status).toBe(404);
    await p.publishEvent();
    const event = await json(await t.fetch(`/api/v1/events/${p.slug}`));
    expect(event).toMatchObject({ slug: p.slug, registration: { open: true, capacity: 3000, remaining: 3000 } });
    await p.ok('PATCH', '', { registrationClosesAt: '2021-01-01T00:00:00Z' });
    expect(await json(await t.fetch(`/api/v1/events/${p.slug}`))).toMatchObject({ registration: { open: false } });
  });
});
