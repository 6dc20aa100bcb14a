import * as net from 'node:net';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { FORUM, ProblemBody } from './support/program';
import { fillRoute, RegisteredRoute, registeredRoutes, routeParams } from './support/registered-routes';
import { json, suiteApp } from './support/test-app';

/** Text PostgreSQL refuses (a NUL) or that is not UTF-8 at all, as it appears in a URL. */
const BAD_IN_URL = ['%00', 'a%00b', '%C3%28', '%FF'];

/** The same in a JSON body: a NUL escaped, and bytes that are not UTF-8. */
const BAD_JSON_BODIES: [string, Uint8Array<ArrayBuffer>][] = [
  ['a NUL', new TextEncoder().encode('{"name":"a\\u0000b"}')],
  ['invalid UTF-8', new Uint8Array([...Buffer.from('{"name":"a'), 0xc3, 0x28, ...Buffer.from('"}')])],
];
const BAD_FORM_BODIES: [string, string][] = [
  ['a NUL', 'name=a%00b'],
  ['invalid UTF-8', 'name=%FF'],
];

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Outcome {
  request: string;
  status: number;
  contentType: string;
  problem?: ProblemBody;
}

/**
 * Unreadable text — a NUL (PostgreSQL refuses it in text) or bytes that are not UTF-8 — in a
 * path parameter, a query value, a header or a body, on every route the app serves, anonymous
 * and signed in: always a 400 or 404 problem document naming the field, never a 5xx.
 */
// Each walk sends every route a few requests: with every feature's routes it takes minutes on a loaded machine.
describe('unreadable text on every route', () => {
  let organizer: TestOrganizer;
  let routes: RegisteredRoute[];
  /** Real values for the parameters that are not under test, so the request gets as far as it can. */
  let realValue: (param: string) => string;

  const t = suiteApp();
  beforeAll(async () => {
    organizer = await anOrganizer(t);
    const slug = `forum-nul-${Date.now().toString(36)}`;
    const created = await t.fetch(`/api/v1/organizations/${organizer.organizationSlug}/events`, {
      method: 'POST',
      headers: organizer.headers,
      body: JSON.stringify({ slug, title: { fr: 'Forum sans NUL' }, ...FORUM }),
    });
    expect(created.status).toBe(201);
    expect((await t.fetch(`/api/v1/events/${slug}/publish`, { method: 'POST', headers: { authorization: organizer.headers.authorization } })).status).toBe(200);
    const values: Record<string, string> = { orgSlug: organizer.organizationSlug, slug, number: '1', file: 'app.css', '*': 'index.html' };
    realValue = (param) => values[param] ?? '00000000-0000-4000-8000-000000000000';
    // HEAD answers like GET; OPTIONS is not served.
    routes = registeredRoutes(t.app).filter((r) => r.method !== 'HEAD');
  });

  const identities = () =>
    [
      ['anonymous', {}],
      ['organizer', { authorization: organizer.headers.authorization }],
    ] as const;

  async function send(request: string, path: string, init: RequestInit): Promise<Outcome> {
    const res = await t.fetch(path, { redirect: 'manual', ...init });
    const contentType = res.headers.get('content-type') ?? '';
    const problem = contentType.startsWith('application/problem+json') ? await json<ProblemBody>(res) : undefined;
    if (!problem) await res.arrayBuffer();
    return { request, status: res.status, contentType, problem };
  }

  /** What must hold for a request that carried unreadable text: a 400/404 problem, naming the field when it says which. */
  function refused<O extends Outcome>(outcomes: O[], field?: (o: O) => string | undefined): string[] {
    return outcomes.flatMap((o) => {
      if (o.status >= 500) return [`${o.request} → ${o.status} ${o.problem?.code ?? ''}`];
      if (![400, 404].includes(o.status) || !o.problem) return [`${o.request} → ${o.status} ${o.contentType} (not a 400/404 problem)`];
      const expected = field?.(o);
      if (expected !== undefined && !o.problem.errors?.some((e) => e.field === expected))
        return [`${o.request} → ${o.status} does not name ${expected}: ${JSON.stringify(o.problem.errors)}`];
      return [];
    });
  }

  it('walks the routes Fastify serves', () => {
    const listed = routes.map((r) => `${r.method} ${r.path}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'GET /api/v1/events/:slug',
        'POST /api/v1/organizations/:orgSlug/events',
        'GET /e/:slug/programme/:number',
        'GET /api/docs-json',
        'GET /assets/:file',
      ]),
    );
    expect(listed.length).toBeGreaterThan(80);
  });

  it('refuses it in every path parameter', async () => {
    const outcomes: (Outcome & { field: string })[] = [];
    for (const route of routes) {
      for (const param of routeParams(route.path)) {
        for (const bad of BAD_IN_URL) {
          const path = fillRoute(route.path, (p) => (p === param ? bad : realValue(p)));
          // A NUL names its parameter; bytes that are not UTF-8 stop the router itself, before it knows which.
          const field = bad.includes('%00') ? param : 'path';
          for (const [who, headers] of identities()) {
            const body = WITH_BODY.has(route.method) ? { body: '{}', headers: { ...headers, 'content-type': 'application/json' } } : { headers };
            outcomes.push({ ...(await send(`${route.method} ${path} (${who})`, path, { method: route.method, ...body })), field });
          }
        }
      }
    }
    expect(outcomes.length).toBeGreaterThan(300);
    expect(refused(outcomes, (o) => o.field)).toEqual([]);
  }, 300_000);

  it('refuses it in a query value or name', async () => {
    const outcomes: (Outcome & { field: string })[] = [];
    for (const route of routes) {
      const path = fillRoute(route.path, realValue);
      for (const [field, query] of [...BAD_IN_URL.map((bad) => ['q', `q=${bad}`]), ['lang', 'lang=%FF'], ['page', 'page=%00'], ['query', '%C3%28=1']]) {
        for (const [who, headers] of identities()) {
          const init = WITH_BODY.has(route.method) ? { body: '{}', headers: { ...headers, 'content-type': 'application/json' } } : { headers };
          outcomes.push({ ...(await send(`${route.method} ${path}?${query} (${who})`, `${path}?${query}`, { method: route.method, ...init })), field });
        }
      }
    }
    expect(refused(outcomes, (o) => o.field)).toEqual([]);
  }, 300_000);

  it('refuses it in a header value or a cookie', async () => {
    const outcomes: (Outcome & { field: string })[] = [];
    for (const route of routes) {
      const path = fillRoute(route.path, realValue);
      for (const [who, headers] of identities()) {
        // fetch sends each character of a header value as one byte: these two are not UTF-8.
        const note = await send(`${route.method} ${path} x-palabre-note (${who})`, path, {
          method: route.method,
          headers: { ...headers, 'x-palabre-note': 'caf\u00c3\u0028' },
        });
        outcomes.push({ ...note, field: 'x-palabre-note' });
        const cookie = await send(`${route.method} ${path} cookie (${who})`, path, {
          method: route.method,
          headers: { ...headers, cookie: 'palabre_session=a%00b' },
        });
        outcomes.push({ ...cookie, field: 'palabre_session' });
      }
    }
    expect(refused(outcomes, (o) => o.field)).toEqual([]);
  }, 300_000);

  it('refuses it in a JSON or form body string', async () => {
    const outcomes: Outcome[] = [];
    for (const route of routes.filter((r) => WITH_BODY.has(r.method))) {
      const path = fillRoute(route.path, realValue);
      for (const [who, headers] of identities()) {
        for (const [what, body] of BAD_JSON_BODIES) {
          outcomes.push(
            await send(`${route.method} ${path} JSON with ${what} (${who})`, path, {
              method: route.method,
              headers: { ...headers, 'content-type': 'application/json' },
              body,
            }),
          );
        }
        for (const [what, body] of BAD_FORM_BODIES) {
          outcomes.push(
            await send(`${route.method} ${path} form with ${what} (${who})`, path, {
              method: route.method,
              headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
              body,
            }),
          );
        }
      }
    }
    expect(outcomes.length).toBeGreaterThan(100);
    expect(refused(outcomes, () => 'name')).toEqual([]);
  }, 300_000);

  it('answers a write that carries no body at all without a 5xx either', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => WITH_BODY.has(r.method))) {
      const path = fillRoute(route.path, realValue);
      for (const [who, headers] of identities()) {
        const o = await send(`${route.method} ${path} without a body (${who})`, path, { method: route.method, headers });
        if (o.status >= 500) failures.push(`${o.request} → ${o.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses a NUL deep in an otherwise valid body, naming the field, and stores nothing', async () => {
    const slug = `forum-nul-titre-${Date.now().toString(36)}`;
    const res = await t.fetch(`/api/v1/organizations/${organizer.organizationSlug}/events`, {
      method: 'POST',
      headers: organizer.headers,
      body: JSON.stringify({ slug, title: { fr: 'Forum\u0000' }, ...FORUM }),
    });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'title.fr' }] });
    expect((await t.fetch(`/api/v1/events/${slug}/settings`, { headers: organizer.headers })).status).toBe(404);
  });

  it('answers in French by default and in English when asked', async () => {
    const fr = await t.fetch('/api/v1/events/%00');
    expect(fr.status).toBe(400);
    expect(fr.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(fr)).toMatchObject({
      code: 'VALIDATION_FAILED',
      title: 'La demande contient des erreurs',
      errors: [{ field: 'slug', message: expect.stringMatching(/caractère nul/) }],
    });
    const en = await t.fetch('/api/v1/events/%FF', { headers: { 'accept-language': 'en' } });
    expect(en.status).toBe(400);
    expect(await json(en)).toMatchObject({ title: 'The request has errors', errors: [{ field: 'path', message: expect.stringMatching(/UTF-8/) }] });
  });

  /** What Node's HTTP parser itself refuses (a NUL in a header or in the request line) is a problem document too. */
  it.each([
    ['a NUL in a header', 'GET /api/v1/events HTTP/1.1\r\nHost: x\r\nX-Palabre-Note: a\0b\r\nConnection: close\r\n\r\n'],
    ['a NUL in the path', 'GET /api/v1/events/a\0b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
  ])('refuses %s before routing', async (_what, request) => {
    const answer = await rawRequest(new URL(t.baseUrl), Buffer.from(request, 'latin1'));
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, title: 'La demande est illisible' });
  });
});

function rawRequest(base: URL, request: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(base.port), base.hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}
