import { newPage, seriousAxeViolations } from '@palabre/testing';
import { appAndBrowser, Browser, describeInBrowser, Page } from './support/browser';
import { anOrganizer } from './support/organizers';
import { aPanel, aWorkshop, ProgramApi } from './support/program';
import { aParticipant, anOpenEvent } from './support/registration';
import { inviteSpeaker } from './support/speakers';
import { json } from './support/test-app';
import { pathOf } from './support/web-client';

/** quality.md, "page weight": a first load, every request it makes, compressed as it travelled. */
const BUDGET = { bytes: 60 * 1024, requests: 10, scriptBytes: 20 * 1024 };

interface Weight {
  path: string;
  requests: number;
  bytes: number;
  scriptBytes: number;
  fonts: string[];
  failed: string[];
}

/**
 * The weight of one page's first load as Chromium fetched it: the cache off, every request the
 * page makes (HTML, stylesheet, images, scripts, the service worker's own fetches aside), summed
 * by the bytes that crossed the wire (`encodedDataLength`: headers and the compressed body). The
 * app's CSP is enforced and JavaScript is on, as on a participant's phone.
 */
async function weigh(page: Page, url: string): Promise<Weight> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const types = new Map<string, { url: string; type: string; mime: string }>();
  const sizes = new Map<string, number>();
  const failed: string[] = [];
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { url: e.response.url, type: e.type, mime: e.response.mimeType }));
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => failed.push(`${e.requestId}: ${e.errorText}`));
  await page.goto(url, { waitUntil: 'networkidle' });
  await cdp.detach();
  const loads = [...types].filter(([id]) => sizes.has(id)).map(([id, r]) => ({ ...r, bytes: sizes.get(id)! }));
  return {
    path: new URL(url).pathname,
    requests: loads.length,
    bytes: loads.reduce((a, r) => a + r.bytes, 0),
    scriptBytes: loads.filter((r) => r.type === 'Script' || /javascript/.test(r.mime)).reduce((a, r) => a + r.bytes, 0),
    fonts: loads.filter((r) => r.type === 'Font' || /font/.test(r.mime)).map((r) => r.url),
    failed,
  };
}

/** axe-core needs its script in the page, so it checks the same address in a page of its own (the CSP bypassed for it only). */
async function seriousViolations(browser: Browser, url: string, cookies: { name: string; value: string; url: string }[] = []) {
  const page = await newPage(browser, { width: 360, height: 740 });
  if (cookies.length > 0) await page.context().addCookies(cookies);
  await page.goto(url);
  const violations = (await seriousAxeViolations(page)).map((v) => `${v.id} (${v.impact}): ${v.help}`);
  await page.context().close();
  return violations;
}

/**
 * Issue #14, "Browser quality": every public and participant page — home, event, programme,
 * a session, the speakers, the registration form, the participant's page with the ticket, the
 * cancel page, the certificates and one certificate, and the speaker's own space — has no
 * serious or critical axe-core violation at phone width, and fits quality.md's budget on a
 * first load: ≤ 60 KB over the wire, ≤ 10 requests, ≤ 20 KB of script, no web font.
 */
describeInBrowser('every public and participant page: accessible and within its weight', () => {
  const ctx = appAndBrowser();
  const pages: { name: string; path: string; signedIn?: boolean }[] = [];
  let portalCookies: { name: string; value: string; url: string }[] = [];

  beforeAll(async () => {
    const t = ctx.app;
    const owner = await anOrganizer(t, { organization: 'Ministère de la Jeunesse' });
    const desk = await anOrganizer(t, { organization: owner.organizationSlug, role: 'desk' });
    const p = await ProgramApi.newEvent(t, owner, { title: { fr: 'Forum Job Cluster', en: 'Job Cluster Forum' } });
    const aissata = await p.speaker('Aïssata Maïga', { email: 'aissata@example.ml' });
    const [moderator, panelist] = [await p.speaker('Oumar Diallo'), await p.speaker('Fanta Keïta')];
    const panel = await p.session(aPanel().titled('Financer son projet').on(1, '10:00', '11:00').withModerator(moderator).withPanelists(aissata, panelist));
    const workshop = await p.session(aWorkshop().titled('Atelier CV', 'CV workshop').on(1, '12:00', '13:00').with({ capacity: 20 }));
    expect((await p.release()).status).toBe(201);
    await anOpenEvent(p, { capacity: 100, confirmEmail: false });

    // A participant with a seat and the workshop, let in at the door and at the workshop: a certificate to show.
    const registered = await t.fetch(`/api/v1/events/${p.slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(aParticipant(1, { sessionIds: [workshop.id] })),
    });
    expect(registered.status).toBe(201);
    const { manageToken } = await json<{ manageToken: string }>(registered);
    const { ticketCode } = await json<{ ticketCode: string }>(await t.fetch(`/api/v1/registrations/${manageToken}`));
    for (const door of [undefined, workshop.id]) {
      const scan = await t.fetch(`/api/v1/events/${p.slug}/check-ins`, {
        method: 'POST',
        headers: desk.headers,
        body: JSON.stringify({ code: ticketCode, ...(door ? { sessionId: door } : {}) }),
      });
      expect(scan.status).toBe(200);
    }

    // The speaker signs in by the emailed link: her space is a page of its own.
    const link = await inviteSpeaker(t, p, aissata, 'aissata@example.ml');
    const speaker = await newPage(ctx.browser, { width: 360, height: 740 });
    await speaker.goto(t.baseUrl + pathOf(link));
    await speaker.getByRole('button', { name: 'Me connecter' }).click();
    await speaker.getByRole('heading', { level: 1, name: 'Bienvenue, Aïssata Maïga' }).waitFor();
    portalCookies = (await speaker.context().cookies()).map((c) => ({ name: c.name, value: c.value, url: t.baseUrl }));
    await speaker.context().close();

    pages.push(
      { name: 'home', path: '/' },
      { name: 'event', path: `/e/${p.slug}` },
      { name: 'programme', path: `/e/${p.slug}/programme` },
      { name: 'a session (a panel)', path: `/e/${p.slug}/programme/${panel.number}` },
      { name: 'speakers', path: `/e/${p.slug}/intervenants` },
      { name: 'registration form', path: `/e/${p.slug}/inscription` },
      { name: 'participant’s page with the ticket', path: `/r/${manageToken}` },
      { name: 'cancel page', path: `/r/${manageToken}/annuler` },
      { name: 'certificates', path: `/r/${manageToken}/attestations` },
      { name: 'a certificate', path: `/r/${manageToken}/attestations/${workshop.id}` },
      { name: 'speaker’s space', path: '/intervenant', signedIn: true },
      { name: 'speaker’s profile', path: '/intervenant/profil', signedIn: true },
      { name: 'speaker’s sessions', path: '/intervenant/sessions', signedIn: true },
    );
  }, 180_000);

  it('has no serious or critical accessibility violation on any of them, at 360 px', async () => {
    const found: Record<string, string[]> = {};
    for (const page of pages) {
      const violations = await seriousViolations(ctx.browser, ctx.app.baseUrl + page.path, page.signedIn ? portalCookies : []);
      if (violations.length > 0) found[page.name] = violations;
    }
    expect(found).toEqual({});
  }, 180_000);

  it('loads each of them, first time, within 60 KB, 10 requests and 20 KB of script, without web fonts', async () => {
    const weights: (Weight & { name: string })[] = [];
    for (const page of pages) {
      const context = await ctx.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR' });
      if (page.signedIn) await context.addCookies(portalCookies);
      const tab = await context.newPage();
      const response = await tab.goto(ctx.app.baseUrl + page.path);
      // Where it asked to be (a speaker not signed in would land on the sign-in page).
      expect({ page: page.name, status: response?.status(), at: new URL(tab.url()).pathname }).toEqual({ page: page.name, status: 200, at: page.path });
      weights.push({ name: page.name, ...(await weigh(tab, ctx.app.baseUrl + page.path)) });
      await context.close();
    }
    process.stdout.write(
      `page weights (first load, over the wire):\n${weights
        .map(
          (w) =>
            `  ${w.name.padEnd(36)} ${(w.bytes / 1024).toFixed(1).padStart(5)} KB  ${w.requests} request(s)  script ${(w.scriptBytes / 1024).toFixed(1)} KB`,
        )
        .join('\n')}\n`,
    );
    const over = weights.filter(
      (w) => w.bytes > BUDGET.bytes || w.requests > BUDGET.requests || w.scriptBytes > BUDGET.scriptBytes || w.fonts.length > 0 || w.failed.length > 0,
    );
    expect(over).toEqual([]);
    // The measure sees what it claims: every page made at least its HTML and its stylesheet.
    for (const w of weights) expect({ page: w.name, atLeast: w.requests >= 2 && w.bytes > 1024 }).toEqual({ page: w.name, atLeast: true });
  }, 180_000);
});
