import { readFile } from 'node:fs/promises';
import { JobRunner } from '@palabre/platform';
import { launchChromium, seriousAxeViolations, SmtpTestServer } from '@palabre/testing';
import { Browser, describeInBrowser, Page } from './support/browser';
import { anOrganizer } from './support/organizers';
import { ProgramApi } from './support/program';
import { manageTokenIn } from './support/registration';
import { anEventWithWorkshops } from './support/registration-form';
import { TestApp, startMailingApp } from './support/test-app';

/**
 * A participant's whole journey on a 360 px phone, once with JavaScript and once without:
 * the event page, the registration form, the emailed link (read back from a real SMTP server),
 * the confirmation, a workshop, the QR ticket, the agenda download, the cancellation. With
 * JavaScript on, axe-core checks every page on the way (the pages are the same without it).
 */
describeInBrowser('a participant registers and manages the registration in a real browser', () => {
  let smtp: SmtpTestServer;
  let app: TestApp;
  let browser: Browser;
  let slug: string;

  beforeAll(async () => {
    ({ t: app, smtp } = await startMailingApp());
    browser = await launchChromium();
    const p = await ProgramApi.newEvent(app, await anOrganizer(app));
    await anEventWithWorkshops(p, { capacity: 100 });
    slug = p.slug;
  }, 120_000); // an app, Chromium and a released program: slow on a loaded 2-core machine
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The journey's page; with JavaScript on, the CSP is bypassed only so that axe-core can be injected after each step. */
  async function phone(javaScriptEnabled: boolean): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR', javaScriptEnabled, bypassCSP: javaScriptEnabled });
    return context.newPage();
  }

  async function journey(page: Page, who: string, checks: boolean): Promise<void> {
    const visited: string[] = [];
    const check = async (what: string) => {
      visited.push(what);
      if (!checks) return;
      expect({ what, violations: await seriousAxeViolations(page) }).toEqual({ what, violations: [] });
      // Nothing wider than the phone.
      expect({ what, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ what, width: 360 });
    };

    await page.goto(`${app.baseUrl}/e/${slug}`);
    await check('event page');
    await page.getByRole('link', { name: 'S’inscrire' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inscription' }).waitFor();
    await check('registration form');

    await page.getByLabel('Prénom (obligatoire)', { exact: true }).fill('Awa');
    await page.getByLabel('Nom (obligatoire)', { exact: true }).fill('Traoré');
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(`${who}@example.ml`);
    await page.getByLabel('Téléphone', { exact: true }).fill('12345');
    await page.getByLabel('Type d’organisation', { exact: true }).selectOption({ label: 'Sans organisation (en recherche d’emploi)' });
    await page.getByLabel('Tranche d’âge', { exact: true }).selectOption({ label: '18 à 24 ans' });
    await page
      .getByRole('group', { name: /Diplôme le plus élevé/ })
      .getByLabel('Licence', { exact: true })
      .check();
    await page
      .getByRole('group', { name: /Premier forum/ })
      .getByLabel('Oui', { exact: true })
      .check();
    await page.getByLabel('Bambara', { exact: true }).check();
    await page.getByLabel('J’accepte (obligatoire)', { exact: true }).check();
    await page.getByRole('button', { name: 'S’inscrire' }).click();
    // A wrong phone number comes back beside its field, with everything else as typed.
    await page.getByText('Numéro de téléphone invalide.').first().waitFor();
    await check('registration form with an error');
    expect(await page.getByLabel('Adresse e-mail', { exact: true }).inputValue()).toBe(`${who}@example.ml`);
    expect(await page.getByLabel('Bambara', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Téléphone', { exact: true }).fill('76 00 00 00');
    await page.getByRole('button', { name: 'S’inscrire' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vérifiez vos e-mails' }).waitFor();
    await check('check your email');

    await app.app.get(JobRunner).drain(['outbox']);
    const [mail] = await smtp.waitFor(1, { filter: (m) => m.envelopeTo.includes(`${who}@example.ml`) });
    expect(mail.parsed.subject).toMatch(/^Action requise : confirmez votre inscription/);
    // The link as emailed, on the test app's address.
    await page.goto(`${app.baseUrl}/r/${manageTokenIn(mail)}`);
    await page.getByText(/En attente de votre confirmation/).waitFor();
    await check('participant page, pending');
    await page.getByRole('button', { name: 'Confirmer mon inscription' }).click();
    await page.getByText('Inscription confirmée : votre place est réservée.').waitFor();
    await check('participant page, confirmed');

    await page.getByLabel(/Atelier CV/).check();
    await page.getByRole('button', { name: 'Enregistrer mes ateliers' }).click();
    await page.getByText('Vos choix d’ateliers sont enregistrés.').waitFor();
    expect(await page.locator('.field', { hasText: 'Atelier CV' }).textContent()).toMatch(/— Vous êtes inscrit·e$/);
    expect(await page.getByLabel(/Atelier CV/).isChecked()).toBe(true);
    await check('participant page, workshop chosen');

    const ticket = page.locator('#billet + p + figure');
    await page.getByRole('heading', { level: 2, name: 'Mon billet' }).waitFor();
    expect(await ticket.locator('svg').isVisible()).toBe(true);
    const box = (await ticket.locator('svg').boundingBox())!;
    expect(box.width).toBe(240);
    expect(await ticket.locator('.ticket-code').textContent()).toMatch(/^([2-9A-HJ-NP-Z]{4}-){3}[2-9A-HJ-NP-Z]{4}$/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).click()]);
    expect(download.suggestedFilename()).toBe(`${slug}.ics`);
    const ics = await readFile(await download.path(), 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(2);
    expect(ics).toContain('SUMMARY;LANGUAGE=fr:Forum de test');
    expect(ics).toContain('SUMMARY;LANGUAGE=fr:Atelier CV');
    expect(ics).toContain('DTSTART:20300610T100000Z');

    await page.getByRole('link', { name: 'Annuler mon inscription' }).click();
    await page.getByRole('heading', { level: 1, name: 'Annuler mon inscription' }).waitFor();
    await check('cancel step');
    await page.getByRole('button', { name: 'Oui, annuler mon inscription' }).click();
    await page.getByText('Votre inscription est annulée.').waitFor();
    await page.getByText('Inscription annulée.').waitFor();
    await check('participant page, cancelled');
    expect(visited).toHaveLength(9);
    await page.context().close();
  }

  it('on a phone with JavaScript, with no serious accessibility violation on any page', async () => {
    await journey(await phone(true), 'awa-js', true);
  }, 120_000);

  it('the same journey with JavaScript off', async () => {
    await journey(await phone(false), 'awa-nojs', false);
  }, 120_000);
});
