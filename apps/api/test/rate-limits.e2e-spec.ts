import { MAGIC_LINK_LIMITS, SIGN_IN_LIMITS } from '@palabre/identity';
import { anOrganizer } from './support/organizers';
import { json, startTestApp, TestApp } from './support/test-app';
import { WebClient } from './support/web-client';

const limitOf = (rules: { name: string; limit: number }[], name: string) => rules.find((r) => r.name === name)!.limit;
const SIGN_IN_PER_ACCOUNT = limitOf(SIGN_IN_LIMITS, 'sign-in:account');
const SIGN_IN_PER_IP = limitOf(SIGN_IN_LIMITS, 'sign-in:ip');
const LINK_PER_ACCOUNT = limitOf(MAGIC_LINK_LIMITS, 'magic-link:account');
const LINK_PER_IP = limitOf(MAGIC_LINK_LIMITS, 'magic-link:ip');

let ip = 0;
/** A client address of its own for each test (the app believes X-Forwarded-For from 127.0.0.1). */
const anAddress = () => `203.0.113.${++ip}`;

describe('abuse limits on sign-in, magic links and tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(() => t?.close());

  const token = (body: unknown, from: string) =>
    t.fetch('/api/v1/auth/token', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify(body) });
  const magicLink = (email: string, from: string) =>
    t.fetch('/api/v1/auth/magic-link', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ email }) });

  async function expectRefused(res: Response) {
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(res)).toMatchObject({ status: 429, code: 'RATE_LIMITED', detail: `Réessayez dans ${retryAfter} secondes.` });
  }

  it(`refuses the token route after ${SIGN_IN_PER_ACCOUNT} attempts on one account, from any address — even with the right password`, async () => {
    const o = await anOrganizer(t);
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT - 1; i++) expect((await token({ email: o.email, password: 'mauvais-mot-de-passe' }, anAddress())).status).toBe(401);
    // anOrganizer's own sign-in was the first attempt.
    await expectRefused(await token({ email: o.email.toUpperCase(), password: o.password }, anAddress()));
  });

  it('counts the sign-in page and the token route together', async () => {
    const o = await anOrganizer(t);
    const from = anAddress();
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT - 1; i++) await token({ email: o.email, password: 'mauvais-mot-de-passe' }, from);
    const browser = new WebClient(t);
    await browser.get('/admin/sign-in');
    const page = await browser.request('/admin/sign-in', { form: { _csrf: browser.csrf!, email: o.email, password: o.password }, headers: { 'x-forwarded-for': from } });
    expect(page.status).toBe(429);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Trop de demandes');
    expect(browser.sessionCookie).toBeUndefined();
  });

  it(`refuses sign-in from one address after ${SIGN_IN_PER_IP} attempts, whatever the accounts`, async () => {
    const from = anAddress();
    for (let i = 0; i < SIGN_IN_PER_IP; i++) expect((await token({ email: `inconnu-${i}@example.org`, password: 'x' }, from)).status).toBe(401);
    await expectRefused(await token({ email: 'encore@example.org', password: 'x' }, from));
    expect((await token({ email: 'encore@example.org', password: 'x' }, anAddress())).status).toBe(401);
  });

  it(`sends at most ${LINK_PER_ACCOUNT} sign-in links per account, and answers ${LINK_PER_IP} requests per address`, async () => {
    const o = await anOrganizer(t);
    for (let i = 0; i < LINK_PER_ACCOUNT; i++) expect((await magicLink(o.email, anAddress())).status).toBe(202);
    await expectRefused(await magicLink(o.email, anAddress()));

    const from = anAddress();
    for (let i = 0; i < LINK_PER_IP; i++) expect((await magicLink(`quelqu-un-${i}@example.org`, from)).status).toBe(202);
    await expectRefused(await magicLink('de-plus@example.org', from));
  });
});

describe('with RATE_LIMITS=off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMITS: 'off' });
  });
  afterAll(() => t?.close());

  it('never refuses', async () => {
    const o = await anOrganizer(t);
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT + 2; i++) {
      const res = await t.fetch('/api/v1/auth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: o.email, password: 'mauvais-mot-de-passe' }) });
      expect(res.status).toBe(401);
    }
    for (let i = 0; i < LINK_PER_ACCOUNT + 2; i++) {
      const res = await t.fetch('/api/v1/auth/magic-link', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: o.email }) });
      expect(res.status).toBe(202);
    }
  });
});
