import { loadConfig } from '@palabre/platform';
import { MailRenderer, TEMPLATES, TemplateName, templateExamples } from '@palabre/notifications';
import { chromiumAvailable, launchChromium, newPage, seriousAxeViolations } from '@palabre/testing';
import { renderMailLogPage } from '../src/notifications/mail-log-page';
import { anOwnerContext } from './support/admin-context';

const run = chromiumAvailable() ? describe : describe.skip;

run('mail and the delivery log in a real browser', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders every email on a phone with its button visible and no serious accessibility violation', async () => {
    const renderer = new MailRenderer(loadConfig({ PUBLIC_URL: 'https://forum.example.org' }));
    const examples = templateExamples('https://forum.example.org');
    const page = await newPage(browser, { width: 360, height: 740 });
    for (const name of Object.keys(TEMPLATES) as TemplateName[]) {
      const mail = renderer.render({
        template: name,
        locale: 'fr',
        data: examples[name],
        recipient: 'awa@example.ml',
        messageId: '<m@x>',
        createdAt: new Date(),
      });
      await page.setContent(mail.html!);
      const button = page.locator('a').first();
      expect(await button.isVisible()).toBe(true);
      // Nothing wider than a phone: the 600 px table shrinks.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect({ name, violations: await seriousAxeViolations(page) }).toEqual({ name, violations: [] });
    }
    await page.close();
  });

  it('shows the delivery log page with no serious accessibility violation', async () => {
    const page = await newPage(browser);
    await page.setContent(
      renderMailLogPage({
        ctx: anOwnerContext('fr', 'ong', 'ONG Jeunesse'),
        log: {
          items: [
            {
              id: 'a',
              to: 'awa@example.ml',
              template: 'registration.confirmed',
              locale: 'fr',
              status: 'failed',
              attempts: 3,
              lastError: '451 try later',
              messageId: '<a@x>',
              eventId: null,
              createdAt: new Date(),
              nextAttemptAt: new Date(),
              sentAt: null,
            },
          ],
          total: 30,
          page: 1,
          pageSize: 25,
          counts: { queued: 0, sending: 0, sent: 29, failed: 1 },
        },
        filter: {},
      }),
    );
    await page.getByRole('heading', { level: 1, name: 'Courriels envoyés' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
