import { brotliCompressSync } from 'node:zlib';
import { newPage, seriousAxeViolations } from '@palabre/testing';
import { appAndBrowser, describeInBrowser, Page } from './support/browser';

describeInBrowser('the partners’ pages in a real browser', () => {
  const ctx = appAndBrowser({ SEED_DEMO: 'true' });

  /** A jobseeker's phone, with JavaScript on or off (nothing needs it). */
  async function phone(javaScriptEnabled: boolean): Promise<Page> {
    const context = await ctx.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR', javaScriptEnabled });
    return context.newPage();
  }

  /** axe-core needs its script in the page, so it checks the same address in a page of its own. */
  async function expectNoSeriousViolation(url: string): Promise<void> {
    const page = await newPage(ctx.browser, { width: 360, height: 740 });
    await page.goto(url);
    expect({ url, violations: await seriousAxeViolations(page) }).toEqual({ url, violations: [] });
    await page.context().close();
  }

  /** Nothing is wider than the phone. */
  async function fitsThePhone(page: Page): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }

  it('keeps the pages within the page budget: no script, under 60 KB compressed with the stylesheet, few requests', async () => {
    const t = ctx.app;
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(await (await t.fetch('/e/forum-job-cluster/partenaires')).text())![1];
    const cssBytes = brotliCompressSync(Buffer.from(await (await t.fetch(stylesheet)).arrayBuffer())).length;
    for (const path of ['partenaires', 'partenaires?region=bamako', 'partenaires/sante-pour-tous-mali', 'opportunites', 'impact']) {
      const html = await (await t.fetch(`/e/forum-job-cluster/${path}`)).text();
      const bytes = brotliCompressSync(Buffer.from(html)).length + cssBytes;
      const requests = 2 + [...html.matchAll(/<img\b[^>]*src="(?!data:)/g)].length;
      process.stdout.write(
        `[page weight] /e/forum-job-cluster/${path}: ${bytes} bytes (br, with the stylesheet) in ${requests} requests; HTML ${Buffer.byteLength(html)} raw\n`,
      );
      expect(html).not.toMatch(/<script\b/);
      expect(bytes).toBeLessThan(60 * 1024);
      expect(requests).toBeLessThanOrEqual(10);
    }
  });

  it.each([
    ['JavaScript on', true],
    ['JavaScript off', false],
  ])(
    '%s: home → partners → filtered by region → a partner → its opportunity → the impact page',
    async (_, js) => {
      const page = await phone(js);
      await page.goto(ctx.app.baseUrl + '/');
      await page.getByRole('link', { name: 'Partenaires et offres' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Partenaires' }).waitFor();
      await expect(page.locator('ul.cards > li').count()).resolves.toBe(12);
      await fitsThePhone(page);
      await expectNoSeriousViolation(page.url());

      await page.getByText('Filtrer : secteur, région').click();
      await page.getByLabel('Région').selectOption({ label: 'Gao' });
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.waitForURL(/region=gao/);
      await page.getByText('2 partenaire(s) sur 12').waitFor();
      const names = await page.locator('ul.cards > li h2').allTextContents();
      expect(names).toEqual(['Eau et Assainissement Mali', 'Éleveurs Solidaires du Sahel']);
      await expectNoSeriousViolation(page.url());

      await page.getByRole('link', { name: 'Éleveurs Solidaires du Sahel' }).click();
      await page.getByRole('heading', { level: 1, name: 'Éleveurs Solidaires du Sahel' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Ses offres' }).waitFor();
      await fitsThePhone(page);
      await expectNoSeriousViolation(page.url());

      await page.getByRole('link', { name: 'Appel à projets : mini-laiteries' }).click();
      await page.getByRole('heading', { level: 1, name: 'Appel à projets : mini-laiteries' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Comment postuler' }).waitFor();
      await expectNoSeriousViolation(page.url());

      await page.getByRole('link', { name: 'Partenaires', exact: true }).click();
      await page.getByRole('link', { name: 'Impact' }).click();
      await page.getByRole('heading', { level: 1, name: 'Impact des partenaires' }).waitFor();
      const lead = (await page.locator('#chiffre-cle').textContent())!.replace(/[\u202f\u00a0]/g, ' ');
      expect(lead).toContain('12 organisations emploient 3 116 personnes, dont 95 % de nationaux.');
      await page.getByRole('img', { name: /Personnes formées par secteur/ }).waitFor();
      await fitsThePhone(page);
      await expectNoSeriousViolation(page.url());
      await page.context().close();
    },
    120_000,
  );
});
