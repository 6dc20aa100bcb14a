import { newPage, seriousAxeViolations } from '@palabre/testing';
import { appAndBrowser, describeInBrowser, Page } from './support/browser';

describeInBrowser('the public programme in a real browser', () => {
  const ctx = appAndBrowser({ SEED_DEMO: 'true' });

  /** A page as the visitor gets it: the app's CSP enforced, and JavaScript off (nothing needs it). */
  async function visitor(width: number, height: number): Promise<Page> {
    const context = await ctx.browser.newContext({ viewport: { width, height }, locale: 'fr-FR', javaScriptEnabled: false });
    return context.newPage();
  }

  /** axe-core needs its script in the page, so it checks the same address in a page of its own. */
  async function expectNoSeriousViolation(url: string, width: number, height: number): Promise<void> {
    const page = await newPage(ctx.browser, { width, height });
    await page.goto(url);
    expect({ url, violations: await seriousAxeViolations(page) }).toEqual({ url, violations: [] });
    await page.context().close();
  }

  it('on a phone: from the home page to the programme, filtered by a track, to a panel and its moderator and panelists', async () => {
    const page = await visitor(360, 740);
    await page.goto(ctx.app.baseUrl + '/');
    await expectNoSeriousViolation(page.url(), 360, 740);

    await page.getByRole('link', { name: /^Forum Job Cluster/ }).click();
    await page.getByRole('heading', { level: 1, name: /Forum Job Cluster/ }).waitFor();
    await expectNoSeriousViolation(page.url(), 360, 740);

    await page.getByRole('link', { name: 'Voir le programme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programme' }).waitFor();
    await expectNoSeriousViolation(page.url(), 360, 740);
    // On a phone: one list, in time order, room headers out of the way.
    expect(await page.locator('li.rh').first().isVisible()).toBe(false);
    const boxes = await page
      .locator('li.slot')
      .evaluateAll((items) => items.map((li) => li.getBoundingClientRect()).map((r) => ({ x: r.x, top: r.top, bottom: r.bottom, width: r.width })));
    expect(boxes.length).toBeGreaterThan(5);
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i].x).toBe(boxes[0].x);
      expect(boxes[i].top).toBeGreaterThanOrEqual(boxes[i - 1].bottom);
    }
    expect(Math.max(...boxes.map((b) => b.x + b.width))).toBeLessThanOrEqual(360);

    await page.getByText('Filtrer : parcours, salle, type, langue').click();
    await page.getByLabel('Parcours').selectOption({ label: 'Formation et compétences' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/parcours=/);
    await page.getByText(/session\(s\) correspondent aux filtres/).waitFor();
    await expectNoSeriousViolation(page.url(), 360, 740);
    const titles = await page.locator('li.slot h3').allTextContents();
    expect(titles).toEqual(['Les ONG, premier employeur des jeunes ?', 'Atelier : rédiger son CV et sa lettre de motivation']);

    const panel = page.locator('li.slot', { hasText: 'Panel' });
    await expect(panel.getByText('Modération : Rokia Doumbia').count()).resolves.toBe(1);
    await panel.getByRole('link', { name: 'Les ONG, premier employeur des jeunes ?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Les ONG, premier employeur des jeunes ?' }).waitFor();
    await expectNoSeriousViolation(page.url(), 360, 740);
    await page.getByRole('heading', { level: 3, name: 'Modération' }).waitFor();
    await page.getByRole('heading', { level: 4, name: 'Rokia Doumbia' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Panélistes' }).waitFor();
    const panelists = page.locator('h3:has-text("Panélistes") + ul h4');
    expect(await panelists.allTextContents()).toEqual(['Moussa Keïta', 'Salimata Cissé', 'Seydou Maïga']);
    await page.context().close();
  });

  it('on a wide screen: rooms side by side, sessions of the same hour on one line, by the page’s own style under the app’s CSP', async () => {
    const page = await visitor(1280, 900);
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to apply/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(`${ctx.app.baseUrl}/e/forum-job-cluster/programme`);
    const box = async (title: string) => (await page.locator('li.slot', { has: page.getByRole('link', { name: title, exact: true }) }).boundingBox())!;
    const ngo = await box('Les ONG, premier employeur des jeunes ?');
    const farming = await box('Agriculture et élevage : des filières qui recrutent');
    const cv = await box('Atelier : rédiger son CV et sa lettre de motivation');
    expect(farming.y).toBe(ngo.y);
    expect(cv.y).toBe(ngo.y);
    expect(farming.x).toBeGreaterThan(ngo.x + ngo.width - 1);
    expect(cv.x).toBeGreaterThan(farming.x + farming.width - 1);
    // Lunch has no room: it spans the whole width of the rooms.
    const lunch = await box('Déjeuner');
    expect(lunch.width).toBeGreaterThan(4 * ngo.width);
    expect(lunch.y).toBeGreaterThan(ngo.y + ngo.height - 1);
    expect(await page.locator('li.rh', { hasText: 'Salle Wa Kamissoko' }).isVisible()).toBe(true);
    expect(blocked).toEqual([]);
    await page.context().close();
    for (const path of [
      '/e/forum-job-cluster',
      '/e/forum-job-cluster/programme?jour=tous',
      '/e/forum-job-cluster/intervenants',
      '/e/forum-job-cluster/programme/versions',
      '/e/forum-job-cluster/programme/4?lang=en',
    ]) {
      await expectNoSeriousViolation(ctx.app.baseUrl + path, 1280, 900);
    }
  });
});
