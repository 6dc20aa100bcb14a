import { chromiumAvailable, launchChromium, newPage } from '@palabre/testing';
import { startTestApp, TestApp } from './test-app';

export type Browser = Awaited<ReturnType<typeof launchChromium>>;
export type Page = Awaited<ReturnType<typeof newPage>>;

/** `describe` where Chromium is installed, `describe.skip` where it is not. */
export const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

/**
 * For a browser suite: starts the app (with `env`, or what `env()` answers then) and Chromium
 * before the suite's tests and closes both after them. Read `app` and `browser` inside the tests,
 * once they have started.
 */
export function appAndBrowser(env: Record<string, string> | (() => Record<string, string>) = {}): { app: TestApp; browser: Browser } {
  const started = {} as { app: TestApp; browser: Browser };
  beforeAll(async () => {
    started.app = await startTestApp(typeof env === 'function' ? env() : env);
    started.browser = await launchChromium();
  }, 120_000); // an app and Chromium: slow on a loaded 2-core machine
  afterAll(async () => {
    await started.browser?.close();
    await started.app?.close();
  });
  return started;
}

/** Signs in through the sign-in form with a password, and waits for `landed` on the page it leads to. */
export async function signInWithPassword(page: Page, app: TestApp, email: string, password: string, landed = 'header.site'): Promise<void> {
  await page.goto(app.baseUrl + '/admin');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('#password').press('Enter');
  await page.locator(landed).waitFor();
}
