import { DEMO_EVENT_SLUG } from '@palabre/demo';
import { anOrganizer } from './support/organizers';
import { fillRoute, registeredRoutes } from './support/registered-routes';
import { cookieFaults, securityHeaderFaults } from './support/security-headers';
import { suiteApp, TestApp } from './support/test-app';
import { SetCookie, WebClient } from './support/web-client';

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
