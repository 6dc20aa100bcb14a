import { chromiumAvailable, launchChromium, newPage, seriousAxeViolations } from '@palabre/testing';
import { startTestApp, TestApp } from './support/test-app';

const run = chromiumAvailable() ? describe : describe.skip;

run('the home page in a real browser', () => {
  let t: TestApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'true' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the demo forum on a phone, in French, with no serious accessibility violation', async () => {
    const page = await newPage(browser, { width: 360, height: 740 });
    await page.goto(t.baseUrl + '/');
    await page.getByRole('heading', { level: 1, name: 'Forums et conférences' }).waitFor();
    await page.getByRole('link', { name: /Forum Job Cluster/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it('switches to English by the language link, and remembers it', async () => {
    const page = await newPage(browser);
    await page.goto(t.baseUrl + '/');
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forums and conferences' }).waitFor();
    await page.goto(t.baseUrl + '/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
