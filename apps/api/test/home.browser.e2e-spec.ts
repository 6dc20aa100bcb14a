import { newPage, seriousAxeViolations } from '@palabre/testing';
import { appAndBrowser, describeInBrowser } from './support/browser';

describeInBrowser('the home page in a real browser', () => {
  const ctx = appAndBrowser({ SEED_DEMO: 'true' });

  it('shows the demo forum on a phone, in French, with no serious accessibility violation', async () => {
    const page = await newPage(ctx.browser, { width: 360, height: 740 });
    await page.goto(ctx.app.baseUrl + '/');
    await page.getByRole('heading', { level: 1, name: 'Forums et conférences' }).waitFor();
    await page.getByRole('link', { name: /Forum Job Cluster/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it('switches to English by the language link, and remembers it', async () => {
    const page = await newPage(ctx.browser);
    await page.goto(ctx.app.baseUrl + '/');
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forums and conferences' }).waitFor();
    await page.goto(ctx.app.baseUrl + '/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
