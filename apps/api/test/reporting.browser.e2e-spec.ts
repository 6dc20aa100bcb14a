import { newPage, seriousAxeViolations } from '@palabre/testing';
import { appAndBrowser, describeInBrowser, Page } from './support/browser';
import { anOrganizer } from './support/organizers';
import { aWorkshop, ProgramApi } from './support/program';
import { aParticipant, anOpenEvent } from './support/registration';
import { json } from './support/test-app';

describeInBrowser('figures and certificates in a real browser', () => {
  const ctx = appAndBrowser();

  async function noSeriousViolation(page: Page): Promise<void> {
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  it('an organizer on a phone reads the figures and prints the report; a participant prints a certificate and its link verifies', async () => {
    const t = ctx.app;
    const owner = await anOrganizer(t, { organization: 'Réseau des ONG du Sahel' });
    const p = await ProgramApi.newEvent(t, owner, { title: { fr: 'Job Cluster Bamako 2030' } });
    const workshop = (await p.session(aWorkshop().titled('Atelier CV').on(1, '10:00', '11:00').with({ capacity: 20 }))).id;
    expect((await p.release()).status).toBe(201);
    await anOpenEvent(p, { confirmEmail: false });
    let token = '';
    for (let n = 0; n < 6; n++) {
      const body = aParticipant(n, {
        gender: n % 2 ? 'male' : 'female',
        ageGroup: '18-24',
        region: 'Bamako',
        organizationType: 'jobseeker',
        sessionIds: [workshop],
      });
      const created = await json<{ manageToken: string }>(
        await t.fetch(`/api/v1/events/${p.slug}/registrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
      const { ticketCode } = await json<{ ticketCode: string }>(await t.fetch(`/api/v1/registrations/${created.manageToken}`));
      for (const sessionId of [undefined, workshop]) {
        await p.call('POST', '/check-ins', { code: ticketCode, ...(sessionId ? { sessionId } : {}) });
      }
      if (n === 0) token = created.manageToken;
    }

    const page = await newPage(ctx.browser, { width: 360, height: 740 });
    await page.goto(t.baseUrl + '/admin');
    await page.locator('#email').fill(owner.email);
    await page.locator('#password').fill(owner.password);
    await page.locator('#password').press('Enter');
    await page.locator('header.site nav').waitFor();
    await page.goto(`${t.baseUrl}/admin/o/${owner.organizationSlug}/events/${p.slug}`);
    await page.getByRole('navigation', { name: "Pages de l'événement" }).getByRole('link', { name: 'Chiffres', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Chiffres' }).waitFor();
    await page.getByRole('img', { name: /Confirmées et présentes/ }).waitFor();
    await noSeriousViolation(page);

    await page.getByRole('link', { name: 'Rapport imprimable' }).click();
    await page.getByRole('heading', { level: 1, name: /Rapport/ }).waitFor();
    await noSeriousViolation(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site').isVisible()).toBe(false);
    expect(await page.getByRole('img', { name: /Par genre/ }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    const participant = await newPage(ctx.browser, { width: 360, height: 740 });
    await participant.goto(`${t.baseUrl}/r/${token}/attestations`);
    await noSeriousViolation(participant);
    await participant.getByRole('link', { name: 'Atelier CV' }).click();
    await participant.getByRole('heading', { level: 1, name: 'Attestation de participation' }).waitFor();
    await participant.getByRole('img', { name: 'QR code du lien de vérification' }).waitFor();
    await noSeriousViolation(participant);
    const href = await participant.getByRole('link', { name: /\/verifier\// }).getAttribute('href');
    await participant.goto(t.baseUrl + new URL(href!).pathname);
    await participant.getByRole('heading', { level: 1, name: 'Attestation authentique' }).waitFor();
    await noSeriousViolation(participant);
  }, 120_000);
});
