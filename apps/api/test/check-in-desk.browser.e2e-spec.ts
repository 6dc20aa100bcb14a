import { DataSource } from 'typeorm';
import { newPage, seriousAxeViolations } from '@palabre/testing';
import { appAndBrowser, describeInBrowser, Page, signInWithPassword } from './support/browser';
import { anOrganizer } from './support/organizers';
import { ProgramApi } from './support/program';
import { aParticipant, anOpenEvent } from './support/registration';
import { json } from './support/test-app';

const PHONE = { width: 360, height: 740 };

describeInBrowser('the desk on a phone, online and offline', () => {
  const ctx = appAndBrowser();

  const signIn = (page: Page, email: string, password: string) => signInWithPassword(page, ctx.app, email, password, 'header.site');

  it('checks a typed code in, two more while offline (answered from the roster, queued), and sends them when the network returns, with their scan times', async () => {
    const t = ctx.app;
    const owner = await anOrganizer(t, { organization: 'Forum Job Cluster' });
    const desk = await anOrganizer(t, { organization: 'Forum Job Cluster', role: 'desk' });
    const p = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(p, { capacity: 10, confirmEmail: false });
    const codes: Record<string, string> = {};
    for (const [who, firstName, lastName] of [
      ['awa', 'Awa', 'Traoré'],
      ['moussa', 'Moussa', 'Keïta'],
      ['fatou', 'Fatou', 'Diarra'],
    ]) {
      const res = await t.fetch(`/api/v1/events/${p.slug}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(aParticipant(who, { firstName, lastName })),
      });
      const { reference } = await json<{ reference: string }>(res);
      codes[who] = (await t.query(`SELECT ticket_code FROM registrations WHERE reference = $1`, [reference]))[0].ticket_code;
    }
    const deskPage = `/admin/o/${desk.organizationSlug}/events/${p.slug}/accueil`;

    // The journey runs under the app's own Content-Security-Policy (not bypassed): the script, its worker and the manifest are ours.
    const context = await ctx.browser.newContext({ viewport: PHONE, locale: 'fr-FR' });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    await signIn(page, desk.email, desk.password);
    await page.goto(t.baseUrl + deskPage);
    await page.getByRole('heading', { level: 1, name: /Accueil/ }).waitFor();
    const net = page.locator('#desk-net');
    await net.filter({ hasText: 'En ligne · aucun scan en attente' }).waitFor();
    // The roster is on the phone before the network goes.
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.endsWith(':roster') && JSON.parse(localStorage.getItem(k)!).cursor));
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe(deskPage);

    const code = page.getByLabel('Code du billet');
    const answer = page.locator('#desk-answer h2');
    await code.fill(codes.awa);
    await code.press('Enter');
    await answer.filter({ hasText: 'Bienvenue, Awa Traoré' }).waitFor();

    await context.setOffline(true);
    await net.filter({ hasText: 'Hors ligne' }).waitFor();
    await code.fill(codes.moussa.toLowerCase());
    await code.press('Enter');
    await answer.filter({ hasText: 'Bienvenue, Moussa Keïta' }).waitFor();
    await page.locator('#desk-answer').getByText('Hors ligne : enregistré sur ce téléphone').waitFor();
    await net.filter({ hasText: 'Hors ligne · 1 scan en attente d’envoi' }).waitFor();
    // Fatou has no ticket at hand: found by name in the roster, offline.
    await page.getByLabel('Chercher un nom').fill('diarra');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByRole('button', { name: /Fatou Diarra/ }).click();
    await answer.filter({ hasText: 'Bienvenue, Fatou Diarra' }).waitFor();
    await net.filter({ hasText: 'Hors ligne · 2 scans en attente d’envoi' }).waitFor();
    // Moussa again, still offline: this phone knows he is in.
    await code.fill(codes.moussa);
    await code.press('Enter');
    await answer.filter({ hasText: 'Déjà enregistré·e : Moussa Keïta' }).waitFor();
    const queued = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.endsWith(':queue'))!;
      return JSON.parse(localStorage.getItem(key)!) as { code: string; scannedAt: string; nonce: string }[];
    });
    expect(queued.map((q) => q.code)).toEqual([codes.moussa, codes.fatou, codes.moussa]);
    // The page itself, reloaded offline, comes from the service worker's cache, with the queue kept.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Accueil/ }).waitFor();
    await net.filter({ hasText: 'Hors ligne · 3 scans en attente d’envoi' }).waitFor();
    const db = t.app.get(DataSource);
    expect((await db.query(`SELECT count(*)::int AS n FROM check_ins WHERE event_id = $1`, [p.eventId]))[0].n).toBe(1);

    await context.setOffline(false);
    await net.filter({ hasText: 'En ligne · aucun scan en attente' }).waitFor();
    const rows = await db.query<{ first_name: string; checked_in_at: Date; device_id: string | null }[]>(
      `SELECT r.first_name, c.checked_in_at, s.device_id FROM check_ins c JOIN registrations r ON r.id = c.registration_id JOIN check_in_scans s ON s.id = c.scan_id
        WHERE c.event_id = $1 AND c.door = 'entrance' ORDER BY c.checked_in_at`,
      [p.eventId],
    );
    expect(rows.map((r) => r.first_name)).toEqual(['Awa', 'Moussa', 'Fatou']);
    expect(rows[1].checked_in_at.toISOString()).toBe(queued[0].scannedAt);
    expect(rows[2].checked_in_at.toISOString()).toBe(queued[1].scannedAt);
    expect(rows[1].device_id).toMatch(/^desk-[0-9a-f]{24}$/);
    const [{ scans }] = await db.query(`SELECT count(*)::int AS scans FROM check_in_scans WHERE event_id = $1`, [p.eventId]);
    expect(scans).toBe(4); // the duplicate is recorded too
    // The organizers' roster counts them all as in: every check-in is there for the dashboard.
    const [{ n }] = await db.query(`SELECT count(DISTINCT registration_id)::int AS n FROM check_ins WHERE event_id = $1`, [p.eventId]);
    expect(n).toBe(3);
    // Back online, the page counts all three at the door.
    await page.reload();
    expect(await page.locator('#desk-count').textContent()).toBe('3');
    expect(refused).toEqual([]);
    // The organizers' figures (the dashboard's and the stats API's) count the three as come.
    const stats = await p.ok<{ totals: { checkedIn: number } }>('GET', '/stats');
    expect(stats.totals.checkedIn).toBe(3);
    await context.close();

    // axe, on the same page at phone width (axe is injected, so this page bypasses the policy).
    const axePage = await newPage(ctx.browser, PHONE);
    await signIn(axePage, desk.email, desk.password);
    await axePage.goto(t.baseUrl + deskPage);
    await axePage.getByLabel('Code du billet').fill(codes.awa);
    await axePage.getByLabel('Code du billet').press('Enter');
    await axePage.locator('#desk-answer h2').filter({ hasText: 'Déjà enregistré·e : Awa Traoré' }).waitFor();
    expect(await seriousAxeViolations(axePage)).toEqual([]);
    await axePage.context().close();
  });
});
