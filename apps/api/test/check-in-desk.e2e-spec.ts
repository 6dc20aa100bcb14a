import { CONTENT_SECURITY_POLICY } from '../src/common/content-security-policy';
import { pageText } from './support/html';
import { anOrganizer } from './support/organizers';
import { aWorkshop, ProgramApi } from './support/program';
import { aParticipant, anOpenEvent, aDeskWorld, DeskWorld, Registered } from './support/registration';
import { json } from './support/test-app';
import { signedIn, WebClient } from './support/web-client';

/** The desk page `/admin/o/{org}/events/{slug}/accueil` without JavaScript: forms that post and a page that answers. */
describe('the desk page', () => {
  // The desk's world (support/registration.ts), set before the tests.
  let { t, owner, people, desk, p, workshopId, keynoteId } = {} as DeskWorld;
  let browser: WebClient;
  let page: string;
  const codes: Record<string, string> = {};
  const refs: Record<string, string> = {};
  const codeOf = async (reference: string) =>
    (await t.query(`SELECT ticket_code FROM registrations WHERE reference = $1`, [reference]))[0].ticket_code as string;
  const answerOf = (html: string) => /data-result="([a-z_]+)"/.exec(html)?.[1];
  const titleOf = (html: string) => pageText(/<h2 id="desk-answer-title">([^<]*)<\/h2>/.exec(html)?.[1] ?? '');

  beforeAll(async () => {
    ({ t, owner, people, desk, p, workshopId, keynoteId } = await aDeskWorld('Forum Job Cluster', 'benevole@example.ml'));
    const names: Record<string, [string, string]> = {
      awa: ['Awa', 'Traoré'],
      moussa: ['Moussa', 'Keïta'],
      fatou: ['Fatou', 'Diarra'],
      ibrahim: ['Ibrahim', 'Coulibaly'],
    };
    for (const [who, [firstName, lastName]] of Object.entries(names)) {
      const r = await json<Registered>(
        await people.register(p.slug, aParticipant(who, { firstName, lastName, sessionIds: who === 'awa' ? [workshopId] : [] })),
      );
      refs[who] = r.reference;
      codes[who] = await codeOf(r.reference);
    }
    browser = await signedIn(t, desk.email, desk.password);
    page = `/admin/o/${desk.organizationSlug}/events/${p.slug}/accueil`;
  });
  afterAll(() => t?.close());

  const scan = async (code: string, door = 'entrance', who = browser) => {
    await who.get(`${page}?door=${door}`);
    return who.post(page, { door, code });
  };

  it('offers the entrance and every session’s door, the desk’s script and its web app manifest, under the usual policy', async () => {
    const res = await browser.get(page);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toMatch(/<option value="entrance" selected>Entrée de l'événement<\/option>/);
    expect(html).toContain(`<option value="${keynoteId}">`);
    expect(html).toContain(`<option value="${workshopId}">`);
    expect(html).toMatch(/<script src="\/assets\/desk\.[0-9a-f]{10}\.js" defer/);
    expect(html).toContain(`<link rel="manifest" href="${page}.webmanifest"/>`);
    // The camera's fallback decoder (browsers without BarcodeDetector), served from our own assets.
    const decoder = /data-qr-decoder="(\/assets\/jsQR\.[0-9a-f]{10}\.js)"/.exec(html)?.[1];
    expect(decoder).toBeDefined();
    const script = await t.fetch(decoder!);
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(await script.text()).toContain('jsQR');
    // A desk volunteer does not get the organizers' conflict list.
    expect(html).not.toContain('Billets à vérifier');
    // The event's pages lead there, for the roles that check in only.
    const settings = `/admin/o/${desk.organizationSlug}/events/${p.slug}`;
    expect(await (await browser.get(settings)).text()).toContain(`<a href="${page}">Accueil</a>`);
    const programme = await anOrganizer(t, { organization: 'Forum Job Cluster', role: 'program' });
    const other = await signedIn(t, programme.email, programme.password);
    expect(await (await other.get(settings)).text()).not.toContain(`${page}"`);
    expect((await other.get(page)).status).toBe(403);
  });

  it('welcomes a typed code by name; the same code again says when and where they came in', async () => {
    const first = await (await scan(codes.awa.toLowerCase())).text();
    expect(answerOf(first)).toBe('welcome');
    expect(titleOf(first)).toBe('Bienvenue, Awa Traoré');
    expect(first).toContain('class="desk-answer desk-go"');
    expect(pageText(first)).toContain('Entrées enregistrées à cette porte : 1');
    const at = new Intl.DateTimeFormat('fr', { hour: '2-digit', minute: '2-digit', timeZone: 'Africa/Bamako' }).format(t.clock.now());
    const again = await (await scan(codes.awa)).text();
    expect(answerOf(again)).toBe('already');
    expect(titleOf(again)).toBe('Déjà enregistré·e : Awa Traoré');
    expect(pageText(again)).toContain(`Entré·e à ${at}, Entrée de l'événement.`);
    expect(again).toContain('desk-again');
  });

  it('tells cancelled, waitlisted, not confirmed, not signed up and unknown tickets apart, in red, and lets none in', async () => {
    await people.call(
      'POST',
      (await json<Registered>(await people.register(p.slug, aParticipant('x1', { firstName: 'Rokia', lastName: 'Sangaré' })))).manageToken,
      '/cancel',
    );
    const [cancelled] = await t.query(`SELECT ticket_code FROM registrations WHERE first_name = 'Rokia'`);
    let html = await (await scan(cancelled.ticket_code)).text();
    expect([answerOf(html), titleOf(html)]).toEqual(['cancelled', 'Inscription annulée : Rokia Sangaré']);
    expect(html).toContain('desk-stop');

    html = await (await scan(codes.ibrahim)).text(); // fourth of three seats
    expect([answerOf(html), titleOf(html)]).toEqual(['waitlisted', "Sur liste d'attente : Ibrahim Coulibaly"]);

    const q = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(q, { capacity: 10, confirmEmail: true });
    await people.register(q.slug, aParticipant('pending', { firstName: 'Sira', lastName: 'Konaté' }));
    const [pending] = await t.query(`SELECT ticket_code FROM registrations WHERE first_name = 'Sira'`);
    const qPage = `/admin/o/${desk.organizationSlug}/events/${q.slug}/accueil`;
    await browser.get(qPage);
    html = await (await browser.post(qPage, { door: 'entrance', code: pending.ticket_code })).text();
    expect([answerOf(html), titleOf(html)]).toEqual(['pending', 'Inscription non confirmée : Sira Konaté']);

    html = await (await scan(codes.moussa, workshopId)).text();
    expect([answerOf(html), titleOf(html)]).toEqual(['not_signed_up', 'Pas inscrit·e à cette session : Moussa Keïta']);
    html = await (await scan(codes.awa, workshopId)).text();
    expect([answerOf(html), titleOf(html)]).toEqual(['welcome', 'Bienvenue, Awa Traoré']);
    html = await (await scan(codes.moussa, keynoteId)).text(); // no sign-up needed
    expect(answerOf(html)).toBe('welcome');

    html = await (await scan('ZZZZ-ZZZZ-ZZZZ-ZZZZ')).text();
    expect([answerOf(html), titleOf(html)]).toEqual(['unknown', 'Billet inconnu']);
    expect(pageText(html)).toContain('Aucun billet ZZZZ-ZZZZ-ZZZZ-ZZZZ pour cet événement.');

    const checkedIn = await t.query(
      `SELECT r.first_name, c.door FROM check_ins c JOIN registrations r ON r.id = c.registration_id WHERE c.event_id = $1 ORDER BY 1, 2`,
      [p.eventId],
    );
    expect(checkedIn.map((r: { first_name: string; door: string }) => `${r.first_name} ${r.door}`)).toEqual([
      'Awa entrance',
      `Awa session:${workshopId}`,
      `Moussa session:${keynoteId}`,
    ]);
  });

  it('refuses an unreadable code or an unknown door on the form, escaped, and nothing is recorded', async () => {
    const before = (await t.query(`SELECT count(*)::int AS n FROM check_in_scans WHERE event_id = $1`, [p.eventId]))[0].n;
    const bad = await scan('<b>AWA</b>');
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="desk-code-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="&lt;b>AWA&lt;/b>"');
    expect(html).not.toContain('<b>AWA</b>');
    await browser.get(page);
    expect((await browser.post(page, { door: '7f1c3a0e-0000-4000-8000-000000000000', code: codes.moussa })).status).toBe(400);
    expect((await t.query(`SELECT count(*)::int AS n FROM check_in_scans WHERE event_id = $1`, [p.eventId]))[0].n).toBe(before);
  });

  it('finds a person by name and checks them in from the list', async () => {
    const found = await (await browser.get(`${page}?door=entrance&q=${encodeURIComponent('keïta')}`)).text();
    expect(pageText(found)).toContain(`Moussa Keïta · ${refs.moussa}`);
    expect(pageText(found)).not.toContain('Awa Traoré ·');
    expect(found).toContain(`name="code" value="${codes.moussa}"`);
    const html = await (await browser.post(page, { door: 'entrance', code: codes.moussa })).text();
    expect(titleOf(html)).toBe('Bienvenue, Moussa Keïta');
    expect(pageText(await (await browser.get(`${page}?q=personne`)).text())).toContain('Personne à ce nom.');
  });

  it('adds a walk-in and checks them in when a seat is free; when full, they wait and are not checked in', async () => {
    const free = await ProgramApi.newEvent(t, owner);
    // A required question the online form asks: at the desk nobody waits for it.
    await anOpenEvent(free, {
      capacity: 1,
      confirmEmail: false,
      questions: [{ id: 'diplome', label: { fr: 'Diplôme' }, kind: 'choice', required: true, choices: [{ value: 'bac', label: { fr: 'Bac' } }] }],
    });
    const freePage = `/admin/o/${desk.organizationSlug}/events/${free.slug}/accueil`;
    await browser.get(freePage);
    let res = await browser.post(`${freePage}/walk-in`, { door: 'entrance', firstName: 'Oumou', lastName: 'Sidibé', phone: '+223 70 00 00 01' });
    expect(res.status).toBe(200);
    let html = await res.text();
    expect([answerOf(html), titleOf(html)]).toEqual(['welcome', 'Bienvenue, Oumou Sidibé']);
    const [oumou] = await t.query(
      `SELECT r.status, r.source, r.email, (SELECT count(*)::int FROM check_ins c WHERE c.registration_id = r.id AND c.door = 'entrance') AS n FROM registrations r WHERE r.first_name = 'Oumou'`,
    );
    expect(oumou).toEqual({ status: 'confirmed', source: 'desk', email: null, n: 1 });

    res = await browser.post(`${freePage}/walk-in`, { door: 'entrance', firstName: 'Bakary', lastName: 'Traoré', email: 'bakary@example.ml' });
    html = await res.text();
    expect([answerOf(html), titleOf(html)]).toEqual(['walk_in_waitlisted', "Ajouté·e sur liste d'attente : Bakary Traoré"]);
    const [bakary] = await t.query(
      `SELECT r.status, (SELECT count(*)::int FROM check_ins c WHERE c.registration_id = r.id) AS n FROM registrations r WHERE r.first_name = 'Bakary'`,
    );
    expect(bakary).toEqual({ status: 'waitlisted', n: 0 });

    // Neither email nor phone: the form says so, with what was typed.
    res = await browser.post(`${freePage}/walk-in`, { door: 'entrance', firstName: 'Seydou', lastName: '<i>Sans</i>' });
    expect(res.status).toBe(400);
    html = await res.text();
    expect(html).toContain('href="#walk-email"');
    expect(html).toContain('value="&lt;i>Sans&lt;/i>"');
    expect(html).toMatch(/<details class="desk-walk-in" open/);
  });

  it('lists tickets let in at two session doors or by two desks at the entrance close together, for owners and admins', async () => {
    const q = await ProgramApi.newEvent(t, owner);
    const a = (await q.session(aWorkshop().titled('Atelier A').on(1, '09:00', '10:00').with({ capacity: 5 }))).id;
    const b = (await q.session(aWorkshop().titled('Atelier B').on(1, '09:00', '10:00').with({ capacity: 5 }))).id;
    expect((await q.release()).status).toBe(201);
    await anOpenEvent(q, { capacity: 10, confirmEmail: false });
    const one = await json<Registered>(await people.register(q.slug, aParticipant('c1', { firstName: 'Nana', lastName: 'Touré', sessionIds: [a] })));
    const two = await json<Registered>(await people.register(q.slug, aParticipant('c2', { firstName: 'Modibo', lastName: 'Cissé' })));
    await people.call('PUT', two.manageToken, '/sessions', { sessionIds: [b] });
    const nana = await codeOf(one.reference);
    const modibo = await codeOf(two.reference);
    // Nana's ticket at door A, then — 3 minutes later — a sign-up switched to B, let in at B too.
    const base = t.clock.now().getTime();
    const minutes = (m: number) => new Date(base - m * 60_000).toISOString();
    const batch = (deviceId: string, scans: Record<string, unknown>[]) =>
      t.fetch(`/api/v1/events/${q.slug}/check-ins/batch`, { method: 'POST', headers: desk.headers, body: JSON.stringify({ deviceId, scans }) });
    expect((await batch('phone-a', [{ nonce: 'a-0001', code: nana, sessionId: a, scannedAt: minutes(30) }])).status).toBe(200);
    await people.call('PUT', one.manageToken, '/sessions', { sessionIds: [b] });
    expect((await batch('phone-b', [{ nonce: 'b-0001', code: nana, sessionId: b, scannedAt: minutes(27) }])).status).toBe(200);
    // Modibo at the entrance from two phones, 2 minutes apart; and once more an hour later (not close).
    await batch('phone-a', [{ nonce: 'a-0002', code: modibo, scannedAt: minutes(70) }]);
    await batch('phone-b', [{ nonce: 'b-0002', code: modibo, scannedAt: minutes(68) }]);
    // The same phone twice is a volunteer scanning again, not a conflict.
    await batch('phone-a', [{ nonce: 'a-0003', code: nana, scannedAt: minutes(20) }]);
    await batch('phone-a', [{ nonce: 'a-0004', code: nana, scannedAt: minutes(19) }]);

    const res = await t.fetch(`/api/v1/events/${q.slug}/check-ins/conflicts`, { headers: { authorization: owner.headers.authorization } });
    expect(res.status).toBe(200);
    const body = await json<{
      windowMinutes: number;
      items: { kind: string; reference: string; name: string; first: Record<string, unknown>; second: Record<string, unknown> }[];
    }>(res);
    expect(body.windowMinutes).toBe(15);
    expect(body.items).toEqual([
      {
        kind: 'desks',
        reference: two.reference,
        name: 'Modibo Cissé',
        first: { door: 'entrance', sessionId: null, scannedAt: minutes(70), deviceId: 'phone-a', result: 'welcome' },
        second: expect.objectContaining({ door: 'entrance', deviceId: 'phone-b', result: 'already' }),
      },
      {
        kind: 'doors',
        reference: one.reference,
        name: 'Nana Touré',
        first: expect.objectContaining({ door: `session:${a}`, sessionId: a, deviceId: 'phone-a', result: 'welcome' }),
        second: expect.objectContaining({ door: `session:${b}`, sessionId: b, deviceId: 'phone-b', result: 'welcome' }),
      },
    ]);
    // The desk role may check in, not read the conflicts.
    expect((await t.fetch(`/api/v1/events/${q.slug}/check-ins/conflicts`, { headers: { authorization: desk.headers.authorization } })).status).toBe(403);

    const ownerBrowser = await signedIn(t, owner.email, owner.password);
    const html = await (await ownerBrowser.get(`/admin/o/${owner.organizationSlug}/events/${q.slug}/accueil`)).text();
    const time = (iso: string) => new Intl.DateTimeFormat('fr', { hour: '2-digit', minute: '2-digit', timeZone: 'Africa/Bamako' }).format(new Date(iso));
    const text = pageText(html);
    expect(text).toContain('Billets à vérifier');
    expect(text).toMatch(
      new RegExp(
        `Nana Touré \\(${one.reference}\\) : .*Atelier A \\(appareil phone-a\\) ${time(minutes(30))} / .*Atelier B \\(appareil phone-b\\) ${time(minutes(27))}, même billet`,
      ),
    );
  });

  it('serves the web app manifest and the service worker beside the page, naming no one', async () => {
    const manifest = await t.fetch(`${page}.webmanifest`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    expect(await manifest.json()).toMatchObject({ start_url: page, scope: page, display: 'standalone' });
    const worker = await t.fetch(`${page}-sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toContain('javascript');
    expect(await worker.text()).toContain('self.registration.scope');
    expect((await t.fetch(`/admin/o/${desk.organizationSlug}/events/Bad_Slug/accueil.webmanifest`)).status).toBe(404);
  });
});
