import { DataSource } from 'typeorm';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aKeynote, aPanel, FORUM, ProgramApi } from './support/program';
import { weekday } from './support/html';
import { json, suiteApp } from './support/test-app';
import { signedIn, WebClient } from './support/web-client';

/** The program back-office over HTTP, as a browser without JavaScript uses it: pages, forms with their CSRF token, 303s. */
describe('building the program in the back office', () => {
  const t = suiteApp();

  /** An organizer of a fresh organization, signed in on the pages, with the API at hand for looking. */
  async function anOrganizerAtTheirDesk(role: 'owner' | 'program' = 'owner'): Promise<{ org: TestOrganizer; owner: TestOrganizer; browser: WebClient }> {
    const owner = await anOrganizer(t);
    const org = role === 'owner' ? owner : await anOrganizer(t, { organization: owner.organizationSlug, role });
    return { org, owner, browser: await signedIn(t, org.email, org.password) };
  }

  /** An event of the organization made through the API by its owner (a `program` member may not create events), with its page path. */
  async function anEvent(owner: TestOrganizer) {
    const p = await ProgramApi.newEvent(t, owner);
    return { p, base: `/admin/o/${owner.organizationSlug}/events/${p.slug}` };
  }

  const outbox = (template: string, eventId: string) =>
    t.app
      .get(DataSource)
      .query<{ recipient: string; data: Record<string, unknown>; dedupe_key: string | null }[]>(
        `SELECT recipient, data, dedupe_key FROM outbox_messages WHERE template = $1 AND event_id = $2 ORDER BY recipient`,
        [template, eventId],
      );

  /** The session form's fields for a session on day 1 of FORUM. */
  function sessionForm(fields: {
    title: string;
    type?: string;
    start: string;
    end: string;
    roomId?: string;
    trackId?: string;
    status?: string;
    people?: [string, string][];
  }): Record<string, string> {
    const form: Record<string, string> = {
      titleFr: fields.title,
      titleEn: '',
      abstractFr: '',
      abstractEn: '',
      type: fields.type ?? 'plenary',
      status: fields.status ?? 'confirmed',
      day: '2030-06-10',
      start: fields.start,
      end: fields.end,
      roomId: fields.roomId ?? '',
      trackId: fields.trackId ?? '',
      language: 'fr',
      capacity: '',
    };
    const people = [...(fields.people ?? []), ['', 'speaker'], ['', 'speaker']];
    people.forEach(([speakerId, role], i) => {
      form[`people.${i}.speakerId`] = speakerId;
      form[`people.${i}.role`] = role;
    });
    return form;
  }

  it('creates an event from the events list, edits its settings and publishes it', async () => {
    const { org, browser } = await anOrganizerAtTheirDesk();
    const events = `/admin/o/${org.organizationSlug}/events`;
    expect(await (await browser.get(events)).text()).toContain('Créer un événement');

    const created = await browser.post(events, {
      titleFr: 'Job Cluster 2030',
      titleEn: '',
      slug: 'job-cluster-2030',
      timeZone: 'Africa/Bamako',
      startsAt: '2030-06-10T08:00',
      endsAt: '2030-06-11T18:00',
    });
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe(`${events}/job-cluster-2030?done=created`);
    const settingsPage = await (await browser.get(`${events}/job-cluster-2030?done=created`)).text();
    expect(settingsPage).toContain('Événement créé (brouillon)');
    expect(settingsPage).toContain('value="2030-06-10T08:00"');

    const saved = await browser.post(`${events}/job-cluster-2030`, {
      titleFr: 'Job Cluster 2030',
      titleEn: 'Job Cluster 2030 (EN)',
      descriptionFr: 'Deux jours pour l’emploi des jeunes.',
      descriptionEn: '',
      colour: '#1d6f42',
      timeZone: 'Africa/Bamako',
      startsAt: '2030-06-10T08:30',
      endsAt: '2030-06-11T18:00',
      venueName: 'CICB',
      venueAddress: 'Bamako',
      registrationOpensAt: '2030-05-01T08:00',
      registrationClosesAt: '',
      capacity: '2500',
      holdHours: '24',
    });
    expect(saved.status).toBe(303);
    const settings = await json<Record<string, unknown>>(await t.fetch('/api/v1/events/job-cluster-2030/settings', { headers: org.headers }));
    expect(settings).toMatchObject({
      title: { fr: 'Job Cluster 2030', en: 'Job Cluster 2030 (EN)' },
      startsAt: '2030-06-10T08:30:00.000Z',
      venue: { name: 'CICB', address: 'Bamako' },
      status: 'draft',
      registrationSettings: { opensAt: '2030-05-01T08:00:00.000Z', closesAt: null, capacity: 2500, confirmEmail: false, holdHours: 24 },
    });

    // A refused form comes back with what was typed and the field named.
    const refused = await browser.post(`${events}/job-cluster-2030`, {
      titleFr: 'Job Cluster 2030',
      timeZone: 'Mars/Olympus',
      startsAt: '2030-06-10T08:30',
      endsAt: 'demain',
      holdHours: '24',
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toMatch(/id="event-zone"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="event-zone"/);
    expect(html).toContain('Fuseau horaire inconnu');
    expect(html).toContain('value="demain"');

    expect((await browser.post(`${events}/job-cluster-2030/publish`)).status).toBe(303);
    expect((await t.fetch('/api/v1/events/job-cluster-2030')).status).toBe(200);
  });

  it('adds rooms, tracks and speakers through their pages, and refuses to delete a room a session uses, naming it', async () => {
    const { owner, browser } = await anOrganizerAtTheirDesk('program');
    const { p, base } = await anEvent(owner);
    await browser.get(`${base}/rooms`);
    expect((await browser.post(`${base}/rooms`, { name: 'Salle Niger', capacity: '300' })).headers.get('location')).toBe(`${base}/rooms?done=added`);
    const taken = await browser.post(`${base}/rooms`, { name: 'Salle Niger', capacity: '' });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('Ce nom est déjà pris.');
    const [room] = (await p.ok<{ items: { id: string; name: string; capacity: number }[] }>('GET', '/rooms')).items;
    expect(room).toMatchObject({ name: 'Salle Niger', capacity: 300 });
    expect((await browser.post(`${base}/rooms/${room.id}`, { name: 'Salle Fleuve Niger', capacity: '' })).status).toBe(303);
    expect((await p.ok<{ items: unknown[] }>('GET', '/rooms')).items).toEqual([expect.objectContaining({ name: 'Salle Fleuve Niger', capacity: null })]);

    expect((await browser.post(`${base}/tracks`, { nameFr: 'Entrepreneuriat', nameEn: 'Entrepreneurship', colour: '#b45309' })).status).toBe(303);
    const [track] = (await p.ok<{ items: { id: string; colour: string }[] }>('GET', '/tracks')).items;
    expect(track.colour).toBe('#b45309');
    expect(await (await browser.get(`${base}/tracks`)).text()).toContain('fill="#b45309"');

    expect(
      (
        await browser.post(`${base}/speakers`, {
          name: 'Aminata Traoré',
          title: 'Directrice',
          organization: 'ONG Jeunesse',
          bioFr: 'Militante.',
          bioEn: '',
          email: 'Aminata@example.ml',
          phone: '',
          locale: 'fr',
        })
      ).status,
    ).toBe(303);
    const badEmail = await browser.post(`${base}/speakers`, {
      name: 'Moussa',
      title: '',
      organization: '',
      bioFr: '',
      bioEn: '',
      email: 'pas-une-adresse',
      phone: '',
      locale: 'fr',
    });
    expect(badEmail.status).toBe(400);
    expect(await badEmail.text()).toContain('Adresse e-mail invalide.');
    const [speaker] = (await p.ok<{ items: { id: string; email: string; organization: string }[] }>('GET', '/speakers')).items;
    expect(speaker).toMatchObject({ email: 'aminata@example.ml', organization: 'ONG Jeunesse' });
    expect(
      (
        await browser.post(`${base}/speakers/${speaker.id}`, {
          name: 'Aminata Traoré',
          title: 'Directrice exécutive',
          organization: 'ONG Jeunesse',
          bioFr: 'Militante.',
          bioEn: 'Activist.',
          email: 'aminata@example.ml',
          phone: '+223 76 00 00 00',
          locale: 'en',
        })
      ).status,
    ).toBe(303);
    expect(await p.ok('GET', `/speakers/${speaker.id}`)).toMatchObject({
      title: 'Directrice exécutive',
      bio: { fr: 'Militante.', en: 'Activist.' },
      phone: '+223 76 00 00 00',
      locale: 'en',
    });

    const opening = await p.session({
      type: 'ceremony',
      title: { fr: 'Ouverture officielle' },
      startsAt: `${FORUM.startsAt}`,
      endsAt: '2030-06-10T09:00:00Z',
      roomId: room.id,
    });
    const refused = await browser.post(`${base}/rooms/${room.id}/delete`);
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain('Salle utilisée');
    expect(html).toContain('Ouverture officielle');
    expect(html).toContain(`href="${base}/program/sessions/${opening.id}"`);
    expect((await p.ok<{ items: unknown[] }>('GET', '/rooms')).items).toHaveLength(1);
  });

  it('creates a panel through the form, refuses a conflicting session naming the other one, and shows both in the grid', async () => {
    const { owner, browser } = await anOrganizerAtTheirDesk('program');
    const { p, base } = await anEvent(owner);
    const [room, other] = [await p.room('Salle 1'), await p.room('Salle 2')];
    const track = await p.track('Emploi des jeunes', '#1d4ed8');
    const [moderator, panelist1, panelist2] = [await p.speaker('Fatoumata Diarra'), await p.speaker('Ibrahim Maïga'), await p.speaker('Kadiatou Konaté')];

    const addSession = (fields: Parameters<typeof sessionForm>[0]) => browser.post(`${base}/program/sessions`, sessionForm(fields));
    /** The panel's form, in `roomId` from `start` to `end`. */
    const thePanel = (start: string, end: string, roomId: string) => ({
      title: 'Panel : emploi des jeunes',
      type: 'panel',
      start,
      end,
      roomId,
      trackId: track,
      people: [
        [moderator, 'moderator'],
        [panelist1, 'panelist'],
        [panelist2, 'panelist'],
      ] as [string, string][],
    });

    await browser.get(`${base}/program/sessions/new?day=2030-06-10&start=09:00&room=${room}`);
    const created = await addSession(thePanel('09:00', '10:00', room));
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe(`${base}/program?day=1&done=created`);
    const [panel] = await p.draft();
    expect(panel).toMatchObject({
      title: { fr: 'Panel : emploi des jeunes' },
      startsAt: '2030-06-10T09:00:00.000Z',
      endsAt: '2030-06-10T10:00:00.000Z',
      room: { id: room },
      track: { id: track },
    });
    expect((panel.people as { role: string }[]).map((x) => x.role)).toEqual(['moderator', 'panelist', 'panelist']);

    // Another session in the same room at an overlapping time: refused, the panel named and linked, nothing stored.
    const conflict = await addSession({ title: 'Atelier CV', type: 'workshop', start: '09:30', end: '10:30', roomId: room });
    expect(conflict.status).toBe(409);
    const html = await conflict.text();
    expect(html).toContain('Salle déjà occupée');
    expect(html).toContain('La salle « Salle 1 » est déjà prise par « Panel : emploi des jeunes » le 2030-06-10 de 09:00 à 10:00.');
    expect(html).toContain(`href="${base}/program/sessions/${panel.id}"`);
    expect(html).toMatch(/<select id="session-room"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Atelier CV"');
    expect(await p.draft()).toHaveLength(1);

    // A person cannot be in two places: the row that names them is marked.
    const busy = await addSession({
      title: 'Keynote',
      type: 'keynote',
      start: '09:30',
      end: '10:30',
      roomId: other,
      people: [
        ['', 'speaker'],
        [panelist2, 'speaker'],
      ],
    });
    expect(busy.status).toBe(409);
    const busyHtml = await busy.text();
    expect(busyHtml).toContain('Kadiatou Konaté intervient déjà dans « Panel : emploi des jeunes »');
    expect(busyHtml).toMatch(/<select id="session-person-1"[^>]*aria-invalid="true"/);
    expect(await p.draft()).toHaveLength(1);

    // Without a conflict, a draft session (tentative) and a cancelled one join the grid, visibly marked.
    expect((await addSession({ title: 'Atelier CV', type: 'workshop', start: '10:00', end: '11:00', roomId: room, status: 'draft' })).status).toBe(303);
    expect((await addSession({ title: 'Cérémonie annulée', type: 'ceremony', start: '09:00', end: '10:00', roomId: other, status: 'cancelled' })).status).toBe(
      303,
    );
    const grid = await (await browser.get(`${base}/program?day=1`)).text();
    const cell = (title: string) =>
      new RegExp(`<td rowspan="(\\d+)" class="pe-session pe-(\\w+)" data-id="[^"]+" data-room="([^"]*)" data-time="([^"]+)">(?:(?!</td>).)*${title}`, 's').exec(
        grid,
      );
    expect(cell('Panel : emploi des jeunes')?.slice(1)).toEqual(['4', 'confirmed', room, '09:00']);
    expect(cell('Atelier CV')?.slice(1)).toEqual(['4', 'draft', room, '10:00']);
    expect(cell('Cérémonie annulée')?.slice(1)).toEqual(['4', 'cancelled', other, '09:00']);
    expect(grid).toContain('fill="#1d4ed8"');
    // Newly placed people have not answered yet: the grid says so.
    expect(grid).toContain('Fatoumata Diarra (Modération, sans réponse), Ibrahim Maïga (Panéliste, sans réponse), Kadiatou Konaté (Panéliste, sans réponse)');
    expect(grid).toContain('<th scope="col">Salle 1</th>');
    expect(grid).toMatch(/class="tag pe-mark-draft">Brouillon</);
    expect(grid).toMatch(/class="tag pe-mark-cancelled">Annulée</);
    expect(grid).toContain('data-move=');

    // The form moves a session too (no JavaScript): the panel to Salle 2 at 11:00.
    const moved = await browser.post(`${base}/program/sessions/${panel.id}`, sessionForm(thePanel('11:00', '12:00', other)));
    expect(moved.status).toBe(303);
    expect(await p.ok('GET', `/program/sessions/${panel.id}`)).toMatchObject({ startsAt: '2030-06-10T11:00:00.000Z', room: { id: other } });
  });

  it('moves a session by the drag-and-drop endpoint (JSON with the CSRF header), and answers a conflict as a problem naming the other session', async () => {
    const { owner, browser } = await anOrganizerAtTheirDesk('program');
    const { p, base } = await anEvent(owner);
    const [room1, room2] = [await p.room('Salle 1'), await p.room('Salle 2')];
    const a = await p.session(aKeynote().titled('Conférence A').on(1, '09:00', '10:30').inRoom(room1));
    const b = await p.session(aKeynote().titled('Conférence B').on(1, '14:00', '15:00').inRoom(room2));
    await browser.get(`${base}/program`);
    const move = (id: string, body: Record<string, string>, csrf = browser.csrf!) =>
      browser.request(`${base}/program/sessions/${id}/move`, { json: body, headers: { accept: 'application/json', 'x-csrf-token': csrf } });

    const ok = await move(a.id, { roomId: room2, date: '2030-06-11', time: '09:15' });
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ startsAt: '2030-06-11T09:15:00.000Z', endsAt: '2030-06-11T10:45:00.000Z', room: { id: room2 } });

    const refused = await move(b.id, { roomId: room2, date: '2030-06-11', time: '10:00' });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = await json<{ code: string; detail: string; conflictingSessionId: string }>(refused);
    expect(problem).toMatchObject({ code: 'ROOM_DOUBLE_BOOKED', conflictingSessionId: a.id });
    expect(problem.detail).toContain('« Conférence A »');
    expect(await p.ok('GET', `/program/sessions/${b.id}`)).toMatchObject({ startsAt: '2030-06-10T14:00:00.000Z' });

    expect((await move(b.id, { roomId: room1, date: '2030-06-10', time: '25:00' })).status).toBe(400);
    expect((await move(b.id, { roomId: room1, date: '2030-06-10', time: '16:00' }, 'forged')).status).toBe(403);
    expect(await p.ok('GET', `/program/sessions/${b.id}`)).toMatchObject({ startsAt: '2030-06-10T14:00:00.000Z' });
  });

  it('previews the release (added, then moved), refuses an incomplete panel naming it, publishes, and tells the speakers a move concerns', async () => {
    const { owner, browser } = await anOrganizerAtTheirDesk('program');
    const { p, base } = await anEvent(owner);
    const room = await p.room('Salle 1');
    const people = [
      await p.speaker('Fatoumata Diarra', { email: 'fatoumata@example.ml' }),
      await p.speaker('Ibrahim Maïga', { email: 'ibrahim@example.ml', locale: 'en' }),
      await p.speaker('Kadiatou Konaté', { email: 'kadiatou@example.ml' }),
    ];
    const panel = await p.session(aPanel().titled('Panel emploi').on(1, '09:00', '10:00').inRoom(room).withModerator(people[0]).withPanelists(people[1]));

    const blocked = await (await browser.get(`${base}/releases`)).text();
    expect(blocked).toContain('À corriger avant de publier');
    expect(blocked).toContain(`<a href="${base}/program/sessions/${panel.id}">Panel emploi</a> — Panel incomplet`);
    expect(blocked).not.toContain('Publier la version 1');
    const refused = await browser.post(`${base}/releases`, { note: 'Première version' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Le panel « Panel emploi » doit avoir exactement un modérateur et au moins deux panélistes');
    expect((await p.ok<{ items: unknown[] }>('GET', '/program/releases')).items).toHaveLength(0);

    await p.ok('PATCH', `/program/sessions/${panel.id}`, {
      people: [
        { speakerId: people[0], role: 'moderator' },
        { speakerId: people[1], role: 'panelist' },
        { speakerId: people[2], role: 'panelist' },
      ],
    });
    const first = await (await browser.get(`${base}/releases`)).text();
    expect(first).toContain('Version 1 : la première');
    expect(first).toMatch(/<span class="tag">Ajoutée<\/span> <a href="[^"]+">Panel emploi<\/a>/);
    expect(first).toContain('Publier la version 1');
    const published = await browser.post(`${base}/releases`, { note: 'Première version' });
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe(`${base}/releases?done=published`);
    expect(await (await browser.get(`${base}/releases?done=published`)).text()).toContain('Version 1 publiée');
    expect(await outbox('program.change', p.eventId)).toHaveLength(0);

    await p.ok('PATCH', `/program/sessions/${panel.id}`, { startsAt: '2030-06-10T11:00:00Z', endsAt: '2030-06-10T12:00:00Z' });
    const second = await (await browser.get(`${base}/releases`)).text();
    expect(second).toContain('Version 2 : changements depuis la version 1');
    expect(second).toContain('Déplacée');
    const monday = weekday('2030-06-10T09:00:00Z', 'fr');
    expect(second).toMatch(new RegExp(`${monday} 10 juin 09:00–10:00 <span aria-hidden="true">→</span>.*${monday} 10 juin 11:00–12:00`, 's'));
    expect((await browser.post(`${base}/releases`, { note: 'Panel déplacé à 11 h' })).status).toBe(303);

    const letters = await outbox('program.change', p.eventId);
    expect(letters.map((l) => l.recipient)).toEqual(['fatoumata@example.ml', 'ibrahim@example.ml', 'kadiatou@example.ml']);
    expect(letters[0].data).toMatchObject({ releaseNumber: 2, changes: [expect.objectContaining({ kind: 'moved' })] });
    const releases = (await p.ok<{ items: { number: number; note: string }[] }>('GET', '/program/releases')).items;
    expect(releases.map((r) => [r.number, r.note])).toEqual([
      [2, 'Panel déplacé à 11 h'],
      [1, 'Première version'],
    ]);
    const after = await (await browser.get(`${base}/releases`)).text();
    expect(after).toContain("Rien n'a changé depuis la version 2.");
    expect(after).not.toContain('Publier la version 3');
  });

  it('refuses every form without its CSRF token, and stores nothing', async () => {
    const { org, browser } = await anOrganizerAtTheirDesk();
    const { p, base } = await anEvent(org);
    const room = await p.room('Salle 1');
    const attempts: [string, Record<string, string>][] = [
      [
        `/admin/o/${org.organizationSlug}/events`,
        { titleFr: 'Intrus', slug: 'intrus', timeZone: 'Africa/Bamako', startsAt: '2030-06-10T08:00', endsAt: '2030-06-11T18:00' },
      ],
      [`${base}/rooms`, { name: 'Salle pirate' }],
      [`${base}/tracks`, { nameFr: 'Pirate', colour: '#000000' }],
      [`${base}/speakers`, { name: 'Intrus', locale: 'fr' }],
      [`${base}/program/sessions`, sessionForm({ title: 'Session pirate', start: '11:00', end: '12:00', roomId: room })],
      [`${base}/releases`, { note: 'pirate' }],
      [`${base}/publish`, {}],
    ];
    for (const [path, fields] of attempts) {
      const res = await browser.request(path, { method: 'POST', form: fields });
      expect([path, res.status]).toEqual([path, 403]);
      expect(await res.text()).toContain('Formulaire expiré');
    }
    expect((await p.ok<{ items: unknown[] }>('GET', '/rooms')).items).toHaveLength(1);
    expect((await p.ok<{ items: unknown[] }>('GET', '/tracks')).items).toHaveLength(0);
    expect((await p.ok<{ items: unknown[] }>('GET', '/speakers')).items).toHaveLength(0);
    expect(await p.draft()).toHaveLength(0);
    expect((await t.fetch('/api/v1/events/intrus/settings', { headers: org.headers })).status).toBe(404);
    expect(await p.ok('GET', '/settings')).toMatchObject({ status: 'draft' });
  });

  it('lets a viewer read the program but not change it (403 page), and shows a member of another organization nothing (404)', async () => {
    const { org } = await anOrganizerAtTheirDesk();
    const { p, base } = await anEvent(org);
    const room = await p.room('Salle 1');
    const session = await p.session(aKeynote().titled('Conférence inaugurale').on(1, '09:00', '10:00').inRoom(room));

    const viewer = await anOrganizer(t, { organization: org.organizationSlug, role: 'viewer' });
    const reader = await signedIn(t, viewer.email, viewer.password);
    const grid = await reader.get(`${base}/program`);
    expect(grid.status).toBe(200);
    const html = await grid.text();
    expect(html).toContain('Conférence inaugurale');
    expect(html).not.toContain('Ajouter une session');
    expect(html).not.toContain('data-move=');
    expect(html).not.toContain('program-editor');
    const form = await (await reader.get(`${base}/program/sessions/${session.id}`)).text();
    expect(form).toContain('<fieldset disabled>');
    expect(form).not.toContain('Enregistrer la session');
    const denied = await reader.post(`${base}/program/sessions`, sessionForm({ title: 'Session d’un lecteur', start: '11:00', end: '12:00' }));
    expect(denied.status).toBe(403);
    expect(denied.headers.get('content-type')).toContain('text/html');
    expect((await reader.post(`${base}/rooms`, { name: 'Salle du lecteur' })).status).toBe(403);
    expect(await p.draft()).toHaveLength(1);

    const outsider = await anOrganizer(t, { organization: 'ONG Voisine' });
    const stranger = await signedIn(t, outsider.email, outsider.password);
    for (const path of [`${base}`, `${base}/program`, `${base}/program/sessions/${session.id}`, `${base}/releases`, `${base}/speakers`]) {
      expect([path, (await stranger.get(path)).status]).toEqual([path, 404]);
    }
    // Through the stranger's own organization, the event does not exist either.
    expect((await stranger.get(`/admin/o/${outsider.organizationSlug}/events/${p.slug}/program`)).status).toBe(404);
    await stranger.get(`/admin/o/${outsider.organizationSlug}/events`);
    expect((await stranger.post(`/admin/o/${outsider.organizationSlug}/events/${p.slug}/program/sessions/${session.id}/delete`)).status).toBe(404);
    expect(await p.draft()).toHaveLength(1);
  });
});
