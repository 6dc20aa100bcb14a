import { newPage, seriousAxeViolations } from '@palabre/testing';
import { appAndBrowser, describeInBrowser, Page, signInWithPassword } from './support/browser';
import { anOrganizer } from './support/organizers';
import { aKeynote, ProgramApi } from './support/program';

describeInBrowser('the program back office in a real browser', () => {
  const ctx = appAndBrowser();

  const signIn = (page: Page, email: string, password: string) => signInWithPassword(page, ctx.app, email, password, 'header.site nav');

  async function noSeriousViolation(page: Page): Promise<void> {
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  const eventTab = (page: Page, name: string) =>
    page.getByRole('navigation', { name: "Pages de l'événement" }).getByRole('link', { name, exact: true }).click();

  it('an organizer creates an event and a panel with a moderator and two panelists, sees a conflict refused, publishes a release; a visitor on a phone finds the panel', async () => {
    const owner = await anOrganizer(ctx.app, { organization: 'Réseau des ONG du Sahel' });
    const page = await newPage(ctx.browser);
    await signIn(page, owner.email, owner.password);

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Événements et programme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Événements et programme' }).waitFor();
    await page.getByLabel('Titre (français)').fill('Job Cluster Bamako 2030');
    await page.getByLabel('Adresse courte').fill('job-cluster-2030');
    await page.getByLabel('Début').fill('2030-06-10T08:00');
    await page.getByLabel('Fin').fill('2030-06-11T18:00');
    await noSeriousViolation(page);
    await page.getByRole('button', { name: "Créer l'événement" }).click();
    await page.getByRole('heading', { level: 1, name: "Réglages de l'événement" }).waitFor();
    await page.getByText('Événement créé (brouillon)').waitFor();
    await noSeriousViolation(page);
    await page.getByRole('button', { name: "Publier l'événement" }).click();
    await page.getByText('Événement publié').waitFor();

    await eventTab(page, 'Salles');
    for (const name of ['Salle Djoliba', 'Salle Niger']) {
      await page.locator('#new-room-name').fill(name);
      await page.getByRole('button', { name: 'Ajouter la salle' }).click();
      await page.getByText('Ajouté.').waitFor();
    }
    await noSeriousViolation(page);

    await eventTab(page, 'Intervenants');
    for (const [name, email] of [
      ['Fatoumata Diarra', 'fatoumata@example.ml'],
      ['Ibrahim Maïga', 'ibrahim@example.ml'],
      ['Kadiatou Konaté', 'kadiatou@example.ml'],
    ]) {
      await page.locator('#new-speaker-name').fill(name);
      await page.locator('#new-speaker-email').fill(email);
      await page.getByRole('button', { name: "Ajouter l'intervenant·e" }).click();
      await page.getByText('Intervenant·e ajouté·e.').waitFor();
    }
    await noSeriousViolation(page);

    await eventTab(page, 'Programme');
    await page.getByRole('heading', { level: 1, name: 'Programme' }).waitFor();
    await page.getByRole('link', { name: 'Ajouter une session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouvelle session' }).waitFor();
    await noSeriousViolation(page);
    await page.locator('#session-title-fr').fill("Panel : l'emploi des jeunes");
    await page.locator('#session-type').selectOption('panel');
    await page.locator('#session-start').fill('10:00');
    await page.locator('#session-end').fill('11:00');
    await page.locator('#session-room').selectOption({ label: 'Salle Djoliba' });
    const people: [string, string][] = [
      ['Fatoumata Diarra', 'moderator'],
      ['Ibrahim Maïga', 'panelist'],
      ['Kadiatou Konaté', 'panelist'],
    ];
    for (const [i, [name, role]] of people.entries()) {
      await page.getByLabel(`Personne ${i + 1}`, { exact: true }).selectOption({ label: name });
      await page.getByLabel(`Rôle de la personne ${i + 1}`).selectOption(role);
    }
    await page.getByRole('button', { name: 'Ajouter la session' }).click();
    await page.getByText('Session ajoutée.').waitFor();
    const panelCell = page.locator('td.pe-session', { hasText: "Panel : l'emploi des jeunes" });
    await panelCell.waitFor();
    expect(await panelCell.textContent()).toContain(
      'Fatoumata Diarra (Modération, sans réponse), Ibrahim Maïga (Panéliste, sans réponse), Kadiatou Konaté (Panéliste, sans réponse)',
    );
    await noSeriousViolation(page);

    // Another session in the same room at the same time: refused, the panel named, the room field marked.
    await page.getByRole('link', { name: 'Ajouter une session' }).click();
    await page.locator('#session-title-fr').fill('Atelier : écrire son CV');
    await page.locator('#session-type').selectOption('workshop');
    await page.locator('#session-start').fill('10:30');
    await page.locator('#session-end').fill('11:30');
    await page.locator('#session-room').selectOption({ label: 'Salle Djoliba' });
    await page.getByRole('button', { name: 'Ajouter la session' }).click();
    const summary = page.locator('#form-errors');
    await summary.waitFor();
    expect(await summary.textContent()).toContain("La salle « Salle Djoliba » est déjà prise par « Panel : l'emploi des jeunes »");
    expect(await page.locator('#session-room').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#session-title-fr').inputValue()).toBe('Atelier : écrire son CV');
    await noSeriousViolation(page);
    await summary.getByRole('link', { name: "Ouvrir « Panel : l'emploi des jeunes »" }).click();
    await page.getByRole('heading', { level: 1, name: "Panel : l'emploi des jeunes" }).waitFor();

    await eventTab(page, 'Publication');
    await page.getByRole('heading', { level: 1, name: 'Publication du programme' }).waitFor();
    expect(await page.locator('.pe-changes').first().textContent()).toContain("Ajoutée Panel : l'emploi des jeunes");
    await noSeriousViolation(page);
    await page.getByLabel('Note de version (facultatif)').fill('Premier programme');
    await page.getByRole('button', { name: 'Publier la version 1' }).click();
    await page.getByText('Version 1 publiée').waitFor();
    await noSeriousViolation(page);

    // The organizer's grid on a phone: usable, nothing overflows the page sideways.
    const organizerPhone = await newPage(ctx.browser, { width: 360, height: 740 });
    await signIn(organizerPhone, owner.email, owner.password);
    await organizerPhone.goto(`${ctx.app.baseUrl}/admin/o/${owner.organizationSlug}/events/job-cluster-2030/program`);
    await organizerPhone.locator('td.pe-session', { hasText: "Panel : l'emploi des jeunes" }).waitFor();
    expect(await organizerPhone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await noSeriousViolation(organizerPhone);

    // A visitor at phone width finds the released panel on the public programme, with its moderator and panelists.
    const visitor = await newPage(ctx.browser, { width: 360, height: 740 });
    await visitor.goto(`${ctx.app.baseUrl}/e/job-cluster-2030/programme`);
    await visitor.getByRole('heading', { level: 1, name: 'Programme' }).waitFor();
    const slot = visitor.locator('li.slot', { has: visitor.getByRole('link', { name: "Panel : l'emploi des jeunes" }) });
    const roles = await slot.locator('ul.roles li').allTextContents();
    expect(roles).toEqual([
      expect.stringMatching(/^Modération\s?: Fatoumata Diarra$/),
      expect.stringMatching(/^Panélistes\s?: Ibrahim Maïga, Kadiatou Konaté$/),
    ]);
    expect(await slot.textContent()).toContain('Salle Djoliba');
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await noSeriousViolation(visitor);
    await slot.getByRole('link', { name: "Panel : l'emploi des jeunes" }).click();
    await visitor.getByRole('heading', { level: 1, name: "Panel : l'emploi des jeunes" }).waitFor();
    await visitor.getByRole('heading', { level: 4, name: 'Fatoumata Diarra' }).waitFor();
    expect(await visitor.locator('h3:has-text("Panélistes") + ul h4').allTextContents()).toEqual(['Ibrahim Maïga', 'Kadiatou Konaté']);
    await noSeriousViolation(visitor);
    // The same panel in the public API, with each person's role.
    const res = await visitor.request.get(`${ctx.app.baseUrl}/api/v1/events/job-cluster-2030/sessions`);
    const { items } = (await res.json()) as { items: { title: { fr: string }; people: { name: string; role: string }[] }[] };
    expect(items.map((s) => [s.title.fr, s.people.map((x) => [x.name, x.role])])).toEqual([["Panel : l'emploi des jeunes", people]]);
    await organizerPhone.close();
    await visitor.close();
    await page.close();
  });

  it('every page of an event, for its owner in French and for a viewer in English, has no serious accessibility violation', async () => {
    const owner = await anOrganizer(ctx.app);
    const viewer = await anOrganizer(ctx.app, { organization: owner.organizationSlug, role: 'viewer' });
    const p = await ProgramApi.newEvent(ctx.app, owner);
    const room = await p.room('Salle 1');
    const track = await p.track('Santé', '#b45309');
    const speaker = await p.speaker('Mariam Sidibé', { email: 'mariam@example.ml' });
    const session = await p.session({
      type: 'workshop',
      title: { fr: 'Atelier santé', en: 'Health workshop' },
      startsAt: '2030-06-10T09:00:00Z',
      endsAt: '2030-06-10T10:00:00Z',
      roomId: room,
      trackId: track,
      people: [{ speakerId: speaker, role: 'host' }],
      status: 'draft',
    });
    const base = `/admin/o/${owner.organizationSlug}/events/${p.slug}`;
    const pages = ['', '/rooms', '/tracks', '/speakers', `/speakers/${speaker}`, '/program', `/program/sessions/${session.id}`, '/releases'];

    const page = await newPage(ctx.browser);
    await signIn(page, owner.email, owner.password);
    for (const path of [...pages, '/program/sessions/new']) {
      await page.goto(ctx.app.baseUrl + base + path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect([path, await seriousAxeViolations(page)]).toEqual([path, []]);
    }
    await page.close();

    const reader = await newPage(ctx.browser, { width: 360, height: 740, locale: 'en-GB' });
    await signIn(reader, viewer.email, viewer.password);
    for (const path of pages) {
      await reader.goto(`${ctx.app.baseUrl}${base}${path}?lang=en`);
      await reader.getByRole('heading', { level: 1 }).waitFor();
      expect([path, await seriousAxeViolations(reader)]).toEqual([path, []]);
      expect([path, await reader.evaluate(() => document.documentElement.scrollWidth)]).toEqual([path, 360]);
    }
    expect(await reader.getByRole('heading', { level: 1 }).textContent()).toBe('Programme releases');
    await reader.goto(`${ctx.app.baseUrl}${base}/program?lang=en`);
    expect(await reader.getByRole('link', { name: 'Add a session' }).count()).toBe(0);
    await reader.getByText('Health workshop').waitFor();
    await reader.close();
  });

  it('moves a session by drag and drop to another room, and shows the conflict when it is dropped on an occupied slot', async () => {
    const owner = await anOrganizer(ctx.app);
    const p = await ProgramApi.newEvent(ctx.app, owner);
    const [room1, room2] = [await p.room('Salle 1'), await p.room('Salle 2')];
    const a = await p.session(aKeynote().titled('Conférence A').on(1, '09:00', '10:00').inRoom(room1));
    const b = await p.session(aKeynote().titled('Conférence B').on(1, '11:00', '12:00').inRoom(room2));

    // Tall enough for the whole morning: a native drag does not scroll the page for the mouse.
    const page = await newPage(ctx.browser, { width: 1280, height: 1600 });
    await signIn(page, owner.email, owner.password);
    await page.goto(`${ctx.app.baseUrl}/admin/o/${owner.organizationSlug}/events/${p.slug}/program`);
    await page.getByText('Glissez une session').waitFor();
    await noSeriousViolation(page);

    await page.locator(`td.pe-session[data-id="${a.id}"]`).dragTo(page.locator(`td.pe-free[data-room="${room2}"][data-time="09:00"]`));
    await page.getByText('Session déplacée.').waitFor();
    expect(await p.ok('GET', `/program/sessions/${a.id}`)).toMatchObject({
      room: { id: room2 },
      startsAt: '2030-06-10T09:00:00.000Z',
      endsAt: '2030-06-10T10:00:00.000Z',
    });
    expect(await page.locator(`td.pe-session[data-id="${a.id}"]`).getAttribute('data-room')).toBe(room2);

    // Onto B's slot: refused, the message names B and links to it; nothing moves.
    await page.locator(`td.pe-session[data-id="${a.id}"]`).dragTo(page.locator(`td.pe-session[data-id="${b.id}"]`));
    const status = page.locator('#pe-status');
    await status.getByText('« Conférence B »', { exact: false }).waitFor();
    expect(await status.textContent()).toContain('Déplacement refusé');
    expect(await status.getByRole('link', { name: /Conférence B/ }).getAttribute('href')).toContain(`/program/sessions/${b.id}`);
    expect(await p.ok('GET', `/program/sessions/${a.id}`)).toMatchObject({ room: { id: room2 }, startsAt: '2030-06-10T09:00:00.000Z' });
    await noSeriousViolation(page);
    await page.close();
  });
});
