import { JobRunner } from '@palabre/platform';
import { seriousAxeViolations } from '@palabre/testing';
import { appAndBrowser, describeInBrowser, Page } from './support/browser';
import { anOrganizer } from './support/organizers';
import { ProgramApi } from './support/program';
import { anOpenEvent } from './support/registration';
import { codeIn, smsThrough, suiteSmsGateway, ticketIn } from './support/sms';

/**
 * A participant without email on a 360 px phone with JavaScript off: registers with a phone
 * number, types the code the SMS brought (a wrong one first), sees the ticket — the same code
 * as the ticket SMS. The pages on the way are checked by axe-core with JavaScript on.
 */
describeInBrowser('a participant registers by phone in a real browser', () => {
  const texts = suiteSmsGateway();
  const ctx = appAndBrowser(() => smsThrough(texts.gateway));
  let slug: string;

  beforeAll(async () => {
    const p = await ProgramApi.newEvent(ctx.app, await anOrganizer(ctx.app));
    await anOpenEvent(p, { capacity: 50 });
    slug = p.slug;
  });

  async function phone(javaScriptEnabled: boolean): Promise<Page> {
    const context = await ctx.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR', javaScriptEnabled, bypassCSP: javaScriptEnabled });
    return context.newPage();
  }

  /** The form filled with a phone and no email, and sent: the page that asks for the code. */
  async function registerByPhone(page: Page, number: string): Promise<void> {
    await page.goto(`${ctx.app.baseUrl}/e/${slug}/inscription`);
    await page.getByLabel('Prénom (obligatoire)', { exact: true }).fill('Aïssata');
    await page.getByLabel('Nom (obligatoire)', { exact: true }).fill('Diarra');
    await page.getByLabel('Téléphone', { exact: true }).fill(number);
    await page.getByLabel('J’accepte (obligatoire)', { exact: true }).check();
    await page.getByRole('button', { name: 'S’inscrire' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vérifiez vos SMS' }).waitFor();
  }

  async function textTo(number: string, n: number) {
    await ctx.app.app.get(JobRunner).drain(['outbox']);
    return (await texts.gateway.waitFor(n, { filter: (m) => m.to === number }))[n - 1];
  }

  it('with JavaScript off: phone, code, ticket', async () => {
    const page = await phone(false);
    await registerByPhone(page, '66 77 88 99');
    const code = codeIn(await textTo('+22366778899', 1));

    // A wrong code comes back beside the field, with the attempts left.
    await page.getByLabel('Code reçu par SMS', { exact: true }).fill(code === '123456' ? '654321' : '123456');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Code incorrect : encore 4 essai(s).').waitFor();
    await page.getByLabel('Code reçu par SMS', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Confirmer' }).click();

    await page.getByText('C’est noté : votre confirmation est enregistrée.').waitFor();
    await page.getByText('Inscription confirmée : votre place est réservée.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Mon billet' }).waitFor();
    const shown = await page.locator('.ticket-code').textContent();
    expect(await page.locator('figure.ticket svg').isVisible()).toBe(true);
    expect(ticketIn(await textTo('+22366778899', 2))).toBe(shown);
    await page.context().close();
  }, 120_000);

  it('with JavaScript on, the form and the code page have no serious accessibility violation and fit the phone', async () => {
    const page = await phone(true);
    await page.goto(`${ctx.app.baseUrl}/e/${slug}/inscription`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await registerByPhone(page, '66 88 99 00');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Code reçu par SMS', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Le code a six chiffres.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
    await page.context().close();
  }, 120_000);
});
