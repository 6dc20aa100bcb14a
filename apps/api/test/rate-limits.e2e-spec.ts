import { MAGIC_LINK_LIMITS, PASSWORD_CHECK_FAILURES, SIGN_IN_FAILURES, SIGN_IN_LIMITS } from '@palabre/identity';
import { anOrganizer } from './support/organizers';
import { json, suiteApp } from './support/test-app';
import { WebClient } from './support/web-client';

const limitOf = (rules: { name: string; limit: number }[], name: string) => rules.find((r) => r.name === name)!.limit;
/** Wrong passwords for one account from one address (an IPv6 /64 counting as one address). */
const FAILURES_PER_ACCOUNT_AND_ADDRESS = SIGN_IN_FAILURES.limit;
/** Wrong current passwords in a password change, per account. */
const PASSWORD_CHECK_LIMIT = PASSWORD_CHECK_FAILURES.limit;
const SIGN_IN_PER_IP = limitOf(SIGN_IN_LIMITS, 'sign-in:ip');
const LINK_PER_ACCOUNT = limitOf(MAGIC_LINK_LIMITS, 'magic-link:account');
const LINK_PER_IP = limitOf(MAGIC_LINK_LIMITS, 'magic-link:ip');

let ip = 0;
/** A client address of its own for each test (the app believes X-Forwarded-For from 127.0.0.1). */
const anAddress = () => `203.0.113.${++ip}`;

describe('abuse limits on sign-in, magic links and tokens', () => {
  const t = suiteApp({ TRUST_PROXY: '127.0.0.1' });

  const token = (body: unknown, from: string) =>
    t.fetch('/api/v1/auth/token', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify(body) });
  const magicLink = (email: string, from: string) =>
    t.fetch('/api/v1/auth/magic-link', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ email }),
    });

  /** The sign-in form sent from `from` by a fresh browser, with `who`'s right password. */
  const signInPage = async (who: { email: string; password: string }, from: string) => {
    const browser = new WebClient(t);
    await browser.get('/admin/sign-in');
    const page = await browser.request('/admin/sign-in', {
      form: { _csrf: browser.csrf!, email: who.email, password: who.password },
      headers: { 'x-forwarded-for': from },
    });
    return { browser, page };
  };

  async function expectRefused(res: Response) {
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(res)).toMatchObject({ status: 429, code: 'RATE_LIMITED', detail: `Réessayez dans ${retryAfter} secondes.` });
  }

  it(`lets an attacker elsewhere send ${FAILURES_PER_ACCOUNT_AND_ADDRESS}+ wrong passwords without locking the victim out of their own address`, async () => {
    const victim = await anOrganizer(t);
    const attacker = anAddress();
    for (let i = 0; i < FAILURES_PER_ACCOUNT_AND_ADDRESS; i++)
      expect((await token({ email: victim.email, password: 'mauvais-mot-de-passe' }, attacker)).status).toBe(401);
    await expectRefused(await token({ email: victim.email.toUpperCase(), password: 'encore-un-essai' }, attacker));
    // Not even the right password from the attacker's address: that is what makes guessing useless.
    await expectRefused(await token({ email: victim.email, password: victim.password }, attacker));

    const home = anAddress();
    expect((await token({ email: victim.email, password: victim.password }, home)).status).toBe(200);
    const { page } = await signInPage(victim, home);
    expect(page.status).toBe(303);
  });

  it('never counts the right password', async () => {
    const o = await anOrganizer(t);
    const from = anAddress();
    for (let i = 0; i < FAILURES_PER_ACCOUNT_AND_ADDRESS - 1; i++)
      expect((await token({ email: o.email, password: 'mauvais-mot-de-passe' }, from)).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await token({ email: o.email, password: o.password }, from)).status).toBe(200);
    // The last failure the window allows, then the limit holds.
    expect((await token({ email: o.email, password: 'mauvais-mot-de-passe' }, from)).status).toBe(401);
    await expectRefused(await token({ email: o.email, password: o.password }, from));
  });

  it('counts the addresses of one IPv6 /64 as one', async () => {
    const victim = await anOrganizer(t);
    const prefix = `2001:db8:${(++ip).toString(16)}:1`;
    for (let i = 1; i <= FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect((await token({ email: victim.email, password: 'mauvais-mot-de-passe' }, `${prefix}::${i.toString(16)}`)).status).toBe(401);
    }
    await expectRefused(await token({ email: victim.email, password: 'mauvais-mot-de-passe' }, `${prefix}:ffff:ffff:ffff:fffe`));
    expect((await token({ email: victim.email, password: victim.password }, `2001:db8:${(++ip).toString(16)}:2::1`)).status).toBe(200);
  });

  it(`limits the current-password check of a password change to ${PASSWORD_CHECK_LIMIT} failures`, async () => {
    const o = await anOrganizer(t);
    const change = (currentPassword: string) =>
      t.fetch('/api/v1/me/password', {
        method: 'POST',
        headers: { ...o.headers, 'x-forwarded-for': anAddress() },
        body: JSON.stringify({ currentPassword, newPassword: 'une-toute-nouvelle-phrase-2031' }),
      });
    for (let i = 0; i < PASSWORD_CHECK_LIMIT; i++) {
      const res = await change(`mauvais-mot-de-passe-${i}`);
      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({ code: 'WRONG_PASSWORD' });
    }
    await expectRefused(await change(o.password));
    // Still the old password: the refused change did not happen.
    expect((await token({ email: o.email, password: o.password }, anAddress())).status).toBe(200);
  });

  it('counts the sign-in page and the token route together', async () => {
    const o = await anOrganizer(t);
    const from = anAddress();
    for (let i = 0; i < FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) await token({ email: o.email, password: 'mauvais-mot-de-passe' }, from);
    const { browser, page } = await signInPage(o, from);
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
  const t = suiteApp({ RATE_LIMITS: 'off' });

  it('never refuses', async () => {
    const o = await anOrganizer(t);
    for (let i = 0; i < FAILURES_PER_ACCOUNT_AND_ADDRESS + 2; i++) {
      const res = await t.fetch('/api/v1/auth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: o.email, password: 'mauvais-mot-de-passe' }),
      });
      expect(res.status).toBe(401);
    }
    for (let i = 0; i < LINK_PER_ACCOUNT + 2; i++) {
      const res = await t.fetch('/api/v1/auth/magic-link', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: o.email }),
      });
      expect(res.status).toBe(202);
    }
  });
});
