import { DataSource } from 'typeorm';
import { JobRunner } from '@palabre/platform';
import { ANSWER_DIGEST_JOB } from '@palabre/program';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aPanel, ProgramApi } from './support/program';
import { aSignedInSpeaker, answer, mySessions } from './support/speaker-answering';
import { json, suiteApp } from './support/test-app';
import { signedIn } from './support/web-client';

/** Speakers answer each role (accept or decline), and the organizers see it: grid, release page, dashboard, hourly digest. */
describe('speakers’ answers to their sessions', () => {
  let owner: TestOrganizer;
  let p: ProgramApi;
  let room: string;
  const ids: Record<string, string> = {};

  const t = suiteApp();
  beforeAll(async () => {
    owner = await anOrganizer(t, { organization: 'ONG Réponses' });
    p = await ProgramApi.newEvent(t, owner);
    room = await p.room('Salle Niger');
    ids.moderator = await p.speaker('Fatou Sow', { email: 'fatou@example.ml', phone: '+22370000001', title: 'Journaliste' });
    ids.awa = await p.speaker('Awa Traoré', { email: 'awa@example.ml', phone: '+22370000002', bio: { fr: 'Directrice de l’ONG Jeunesse.' } });
    ids.ibrahim = await p.speaker('Ibrahim Maïga', { email: 'ibrahim@example.ml', bio: { fr: 'Entrepreneur à Gao.' } });
  });

  const digests = () =>
    t.app
      .get(DataSource)
      .query<{ recipient: string; data: { answers: { speakerName: string; answer: string; note?: string }[] } }[]>(
        `SELECT recipient, data FROM outbox_messages WHERE template = 'speaker.answers' ORDER BY created_at`,
      );

  it('a declined panelist makes the panel incomplete: the release is refused naming it, and everyone sees who answered', async () => {
    const panel = await p.session(
      aPanel().titled('Panel : emploi des jeunes').on(1, '10:00', '11:00').inRoom(room).withModerator(ids.moderator).withPanelists(ids.awa, ids.ibrahim),
    );
    const draft = await p.ok<{ people: { speakerId: string; answer: string }[] }>('GET', `/program/sessions/${panel.id}`);
    expect(draft.people.map((x) => x.answer)).toEqual(['invited', 'invited', 'invited']);

    // The moderator sees the session, the others on it, and the panelists' public bios — nothing private.
    const fatou = await aSignedInSpeaker(t, owner, ids.moderator, 'fatou@example.ml');
    const [mine] = (await mySessions(fatou)).items;
    expect(mine).toMatchObject({
      speakerId: ids.moderator,
      role: 'moderator',
      answer: 'invited',
      session: { id: panel.id, title: { fr: 'Panel : emploi des jeunes' }, room: 'Salle Niger', startsAt: '2030-06-10T10:00:00+00:00' },
      event: { slug: p.slug, timeZone: 'Africa/Bamako' },
    });
    expect(mine.people.map((x) => [x.name, x.role, x.bio?.fr])).toEqual([
      ['Awa Traoré', 'panelist', 'Directrice de l’ONG Jeunesse.'],
      ['Ibrahim Maïga', 'panelist', 'Entrepreneur à Gao.'],
    ]);
    expect(JSON.stringify(mine)).not.toMatch(/example\.ml|\+2237/);

    // A panelist sees the moderator and the co-panelist, without bios.
    const awa = await aSignedInSpeaker(t, owner, ids.awa, 'awa@example.ml');
    const [hers] = (await mySessions(awa)).items;
    expect(hers.people.map((x) => [x.name, x.role, x.bio])).toEqual([
      ['Fatou Sow', 'moderator', undefined],
      ['Ibrahim Maïga', 'panelist', undefined],
    ]);
    expect(JSON.stringify(hers)).not.toMatch(/example\.ml|\+2237/);

    expect((await answer(fatou, panel.id, 'accept')).status).toBe(200);
    const declined = await answer(awa, panel.id, 'decline', 'En mission à Kayes ce jour-là.');
    expect(declined.status).toBe(200);
    expect(await json(declined)).toMatchObject({ answer: 'declined', answerNote: 'En mission à Kayes ce jour-là.' });

    // Another speaker's session is not theirs to answer; nor is a made-up one.
    const ibrahimSessions = await mySessions(await aSignedInSpeaker(t, owner, ids.ibrahim, 'ibrahim@example.ml'));
    expect(ibrahimSessions.items).toHaveLength(1);
    const stranger = await anOrganizer(t);
    const theirs = await t.fetch(`/api/v1/me/sessions/${panel.id}/accept`, { method: 'POST', headers: stranger.headers, body: '{}' });
    expect(theirs.status).toBe(404);
    expect((await t.fetch(`/api/v1/me/sessions`, {})).status).toBe(401);

    // The release is refused, naming the panel.
    const refused = await p.release();
    expect(refused.status).toBe(409);
    const problem = await json<{ code: string; detail: string; session: { id: string } }>(refused);
    expect(problem.code).toBe('PANEL_INCOMPLETE');
    expect(problem.detail).toContain('Panel : emploi des jeunes');
    expect(problem.detail).toContain('1 panéliste');
    expect(problem.session.id).toBe(panel.id);

    // The organizer's pages: the grid marks who declined and who has not answered; the release page lists them; the dashboard too.
    const browser = await signedIn(t, owner.email, owner.password);
    const base = `/admin/o/${owner.organizationSlug}/events/${p.slug}`;
    const grid = await (await browser.get(`${base}/program?day=1`)).text();
    expect(grid).toContain('Awa Traoré (Panéliste, a décliné)');
    expect(grid).toContain('Ibrahim Maïga (Panéliste, sans réponse)');
    expect(grid).toContain('Fatou Sow (Modération)');
    const releases = await (await browser.get(`${base}/releases`)).text();
    expect(releases).toContain('Ont décliné (1)');
    expect(releases).toContain('« En mission à Kayes ce jour-là. »');
    expect(releases).toContain('N’ont pas encore répondu (1)');
    expect(releases).toContain('Panel incomplet');
    const dashboard = await (await browser.get(`/admin/o/${owner.organizationSlug}`)).text();
    expect(dashboard).toContain('Réponses des intervenants');
    expect(dashboard).toMatch(/<strong>Awa Traoré<\/strong> <strong>a décliné<\/strong>/);
    expect(dashboard).toContain('Forum de test : 1 sans réponse');

    // The digest: one email per member who prepares the program, then nothing more within the hour.
    await t.app.get(JobRunner).drain([ANSWER_DIGEST_JOB]);
    const [digest] = await digests();
    expect(digest.recipient).toBe(owner.email.toLowerCase());
    expect(digest.data.answers.map((a) => [a.speakerName, a.answer, a.note])).toEqual([
      ['Fatou Sow', 'accepted', undefined],
      ['Awa Traoré', 'declined', 'En mission à Kayes ce jour-là.'],
    ]);
    expect(await answer(awa, panel.id, 'accept', 'Finalement disponible !')).toHaveProperty('status', 200);
    await t.app.get(JobRunner).drain([ANSWER_DIGEST_JOB]);
    expect(await digests()).toHaveLength(1);
    t.clock.advance(61 * 60_000);
    await t.app.get(JobRunner).drain([ANSWER_DIGEST_JOB]);
    const all = await digests();
    expect(all).toHaveLength(2);
    expect(all[1].data.answers).toEqual([
      { speakerName: 'Awa Traoré', sessionTitle: expect.anything(), startsAt: expect.any(String), answer: 'accepted', note: 'Finalement disponible !' },
    ]);

    // She changed her mind: the panel is complete again, and released.
    expect((await p.release()).status).toBe(201);
    const released = await json<{ items: { people: { name: string }[] }[] }>(await t.fetch(`/api/v1/events/${p.slug}/sessions`));
    expect(JSON.stringify(released)).not.toContain('Kayes');
  });

  it('answers from /intervenant/sessions without JavaScript, and serves the speaker’s agenda', async () => {
    const keynote = await p.session(
      aPanel().with({ type: 'keynote' }).titled('Discours d’ouverture').on(2, '09:00', '10:00').inRoom(room).withSpeakers(ids.ibrahim),
    );
    const ibrahim = await aSignedInSpeaker(t, owner, ids.ibrahim, 'ibrahim@example.ml');
    const page = await (await ibrahim.get('/intervenant/sessions')).text();
    expect(page).toContain('Discours d’ouverture');
    expect(page).toContain('En attente de votre réponse');
    expect(page).toContain(`action="/intervenant/sessions/${keynote.id}/answer"`);
    expect(page).not.toMatch(/example\.ml|<script/);
    const posted = await ibrahim.post(`/intervenant/sessions/${keynote.id}/answer`, { answer: 'declined', note: 'Je serai à Dakar.' });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`/intervenant/sessions?done=declined#session-${keynote.id}`);
    const after = await (await ibrahim.get('/intervenant/sessions?done=declined')).text();
    expect(after).toContain('les organisateurs sont prévenus');
    expect(after).toContain('Vous avez décliné');
    const draft = await p.ok<{ people: { answer: string; answerNote: string }[] }>('GET', `/program/sessions/${keynote.id}`);
    expect(draft.people[0]).toMatchObject({ answer: 'declined', answerNote: 'Je serai à Dakar.' });
    // Not an answer: refused, nothing changed.
    expect((await ibrahim.post(`/intervenant/sessions/${keynote.id}/answer`, { answer: 'peut-être' })).status).toBe(400);

    const agendaLink = /href="(\/intervenant\/sessions\/profiles\/[^"]+\/agenda\.ics)"/.exec(page)![1];
    const agenda = await ibrahim.get(agendaLink);
    expect(agenda.status).toBe(200);
    expect(agenda.headers.get('content-type')).toContain('text/calendar');
    expect(await agenda.text()).toContain('BEGIN:VCALENDAR');
    // Someone else's agenda is not reachable with one's own session.
    const fatou = await aSignedInSpeaker(t, owner, ids.moderator, 'fatou@example.ml');
    expect((await fatou.get(agendaLink)).status).toBe(404);
  });
});
