import { hashSecret } from '@palabre/identity';
import { DataSource } from 'typeorm';
import { anOrganizer } from './support/organizers';
import { json, startTestApp, suiteApp } from './support/test-app';
import { TestClock } from '@palabre/testing';
import { countMessages, lastLink, pathOf, signedIn, tokenOf, WebClient } from './support/web-client';

describe('the back office, end to end', () => {
  const clock = new TestClock();
  const t = suiteApp({}, { clock });
  afterEach(() => clock.reset());

  it('an owner signs in on the page and invites a colleague as program, who joins by the emailed link and reaches the program pages but not member management', async () => {
    const owner = await anOrganizer(t, { organization: 'ONG Jeunesse Active' });
    const slug = owner.organizationSlug;
    const browser = await signedIn(t, owner.email, owner.password);
    const entry = await browser.get('/admin');
    expect(entry.status).toBe(303);
    expect(entry.headers.get('location')).toBe(`/admin/o/${slug}`);
    const dashboard = await browser.get(`/admin/o/${slug}`);
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain('ONG Jeunesse Active');

    expect((await browser.get(`/admin/o/${slug}/members`)).status).toBe(200);
    const invited = await browser.post(`/admin/o/${slug}/members`, { email: 'Moussa.Keita@example.org', name: 'Moussa Keita', role: 'program' });
    expect(invited.status).toBe(303);
    expect(invited.headers.get('location')).toBe(`/admin/o/${slug}/members?done=invited`);
    const members = await (await browser.get(`/admin/o/${slug}/members?done=invited`)).text();
    expect(members).toContain('Invitation envoyée.');
    expect(members).toContain('moussa.keita@example.org');

    const link = await lastLink(t, 'moussa.keita@example.org', 'member.invitation');
    expect(link).toMatch(new RegExp(`^${t.config.publicUrl}/admin/invitation\\?token=[\\w-]{43}$`));
    const colleague = new WebClient(t);
    const offer = await colleague.get(pathOf(link));
    expect(offer.status).toBe(200);
    const offerHtml = await offer.text();
    expect(offerHtml).toContain('Rejoindre ONG Jeunesse Active');
    expect(offerHtml).toContain('Programme');
    const joined = await colleague.post('/admin/invitation', { token: tokenOf(link) });
    expect(joined.status).toBe(303);
    expect(joined.headers.get('location')).toBe(`/admin/o/${slug}`);

    const home = await (await colleague.get(`/admin/o/${slug}`)).text();
    expect(home).toContain(`href="/admin/o/${slug}/events"`);
    expect(home).not.toContain(`href="/admin/o/${slug}/members"`);
    const events = await colleague.get(`/admin/o/${slug}/events`);
    expect(events.status).toBe(200);
    expect(await events.text()).toContain('<h1>Événements et programme</h1>');
    expect((await colleague.get(`/admin/o/${slug}/members`)).status).toBe(403);
    expect((await colleague.get(`/admin/o/${slug}/audit`)).status).toBe(403);
    expect((await colleague.request(`/api/v1/organizations/${slug}/members`, { headers: { accept: 'application/json' } })).status).toBe(403);

    // The invitation was for one use.
    expect((await new WebClient(t).get(pathOf(link))).status).toBe(410);
    const again = new WebClient(t);
    await again.get('/admin/sign-in');
    expect((await again.post('/admin/invitation', { token: tokenOf(link) })).status).toBe(410);
    expect(again.sessionCookie).toBeUndefined();

    const audit = await (await browser.get(`/admin/o/${slug}/audit`)).text();
    expect(audit).toContain('Invitation envoyée');
    expect(audit).toContain('Arrivée d’un membre');
  });

  it('stores invitations and sign-in links only as hashes', async () => {
    const owner = await anOrganizer(t);
    const res = await t.fetch(`/api/v1/organizations/${owner.organizationSlug}/members`, {
      method: 'POST',
      headers: owner.headers,
      body: JSON.stringify({ email: 'hash@example.org', role: 'viewer' }),
    });
    expect(res.status).toBe(201);
    const secret = tokenOf(await lastLink(t, 'hash@example.org', 'member.invitation'));
    const ds = t.app.get(DataSource);
    const rows = await ds.query<{ token_hash: string }[]>(`SELECT token_hash FROM invitations WHERE email = 'hash@example.org'`);
    expect(rows).toEqual([{ token_hash: hashSecret(secret) }]);
    const leaked = await ds.query<unknown[]>(`SELECT 1 FROM invitations WHERE token_hash = $1`, [secret]);
    expect(leaked).toHaveLength(0);
  });

  describe('sign-in by emailed link', () => {
    /** Another browser finds `link` spent: the page it opens and the button it shows both answer 410. */
    const expectSpent = async (link: string) => {
      const other = new WebClient(t);
      expect((await other.get(pathOf(link))).status).toBe(410);
      await other.get('/admin/sign-in');
      expect((await other.post('/auth/link', { token: tokenOf(link) })).status).toBe(410);
    };

    it('emails a link that signs in once, for anyone with an account', async () => {
      const o = await anOrganizer(t);
      const browser = new WebClient(t);
      await browser.get('/admin/sign-in');
      const asked = await browser.post('/admin/sign-in/link', { email: o.email.toUpperCase() });
      expect(asked.status).toBe(303);
      expect(asked.headers.get('location')).toBe('/admin/sign-in?sent=1');
      expect(await (await browser.get('/admin/sign-in?sent=1')).text()).toContain('un lien de connexion vient d’y être envoyé');
      const link = await lastLink(t, o.email, 'auth.magic-link');
      expect(link).toMatch(new RegExp(`^${t.config.publicUrl}/auth/link\\?token=[\\w-]{43}$`));

      // Opening the link only shows a button (mail scanners open links); the click signs in.
      expect((await browser.get(pathOf(link))).status).toBe(200);
      expect(browser.sessionCookie).toBeUndefined();
      const used = await browser.post('/auth/link', { token: tokenOf(link) });
      expect(used.status).toBe(303);
      expect(used.headers.get('location')).toBe('/admin');
      expect((await browser.get(`/admin/o/${o.organizationSlug}`)).status).toBe(200);

      await expectSpent(link);
    });

    it('lets a link expire after 15 minutes', async () => {
      const o = await anOrganizer(t);
      const res = await t.fetch('/api/v1/auth/magic-link', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: o.email }),
      });
      expect(res.status).toBe(202);
      const link = await lastLink(t, o.email, 'auth.magic-link');
      clock.advance(14 * 60_000);
      expect((await new WebClient(t).get(pathOf(link))).status).toBe(200);
      clock.advance(2 * 60_000);
      await expectSpent(link);
    });

    it('answers the same for an unknown address, and sends nothing', async () => {
      const o = await anOrganizer(t);
      const ask = (email: string) =>
        t.fetch('/api/v1/auth/magic-link', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
      const known = await ask(o.email);
      const unknown = await ask('personne-ici@example.org');
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(await known.text()).toBe(await unknown.text());
      expect(await countMessages(t, o.email, 'auth.magic-link')).toBe(1);
      expect(await countMessages(t, 'personne-ici@example.org', 'auth.magic-link')).toBe(0);
    });
  });

  describe('sessions', () => {
    it('sets an HttpOnly, SameSite=Lax cookie (not Secure over plain http), and a new one at each sign-in', async () => {
      const o = await anOrganizer(t);
      const browser = await signedIn(t, o.email, o.password);
      const cookie = browser.lastSetCookies.find((c) => c.name === 'palabre_session')!;
      expect(cookie.attributes).toMatchObject({ httponly: true, samesite: 'Lax', path: '/' });
      expect(cookie.attributes.secure).toBeUndefined();
      expect(cookie.value).toMatch(/^[\w-]{43}$/);

      const first = browser.sessionCookie!;
      await browser.get('/admin/sign-in?next=/admin');
      expect((await browser.post('/admin/sign-in', { email: o.email, password: o.password })).status).toBe(303);
      expect(browser.sessionCookie).not.toBe(first);
      const stale = new WebClient(t);
      stale.cookies.set('palabre_session', first);
      const res = await stale.get(`/admin/o/${o.organizationSlug}`);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/admin/sign-in?next=${encodeURIComponent(`/admin/o/${o.organizationSlug}`)}`);
    });

    it('ends the session at sign-out', async () => {
      const o = await anOrganizer(t);
      const browser = await signedIn(t, o.email, o.password);
      const secret = browser.sessionCookie!;
      await browser.get('/admin/account');
      const out = await browser.post('/admin/sign-out');
      expect(out.status).toBe(303);
      expect(out.headers.get('location')).toBe('/admin/sign-in?signed-out=1');
      expect(browser.sessionCookie).toBeUndefined();
      const replay = new WebClient(t);
      replay.cookies.set('palabre_session', secret);
      expect((await replay.get('/admin/account')).status).toBe(303);
    });

    it('sends a browser without a session to the sign-in page, and back afterwards', async () => {
      const o = await anOrganizer(t);
      const browser = new WebClient(t);
      const res = await browser.get(`/admin/o/${o.organizationSlug}/members`);
      expect(res.status).toBe(303);
      const next = `/admin/o/${o.organizationSlug}/members`;
      expect(res.headers.get('location')).toBe(`/admin/sign-in?next=${encodeURIComponent(next)}`);
      await browser.get(res.headers.get('location')!);
      const signed = await browser.post('/admin/sign-in', { email: o.email, password: o.password, next });
      expect(signed.headers.get('location')).toBe(next);
      // Never to another site.
      await browser.get('/admin/sign-in');
      const evil = await browser.post('/admin/sign-in', { email: o.email, password: o.password, next: '//evil.example/admin' });
      expect(evil.headers.get('location')).toBe('/admin');
    });

    it('uses Secure __Host- cookies when the public address is https', async () => {
      const secure = await startTestApp({ PUBLIC_URL: 'https://forum.example.org' });
      try {
        const o = await anOrganizer(secure);
        const browser = new WebClient(secure);
        await browser.get('/admin/sign-in');
        expect(browser.lastSetCookies.find((c) => c.name === '__Host-palabre_form')?.attributes.secure).toBe(true);
        await browser.post('/admin/sign-in', { email: o.email, password: o.password });
        const cookie = browser.lastSetCookies.find((c) => c.name === '__Host-palabre_session');
        expect(cookie?.attributes).toMatchObject({ secure: true, httponly: true, samesite: 'Lax', path: '/' });
      } finally {
        await secure.close();
      }
    });
  });

  describe('CSRF', () => {
    it('refuses a signed-in browser’s change without its form token; a bearer token needs none', async () => {
      const o = await anOrganizer(t);
      const slug = o.organizationSlug;
      const browser = await signedIn(t, o.email, o.password);
      await browser.get(`/admin/o/${slug}/members`);
      const asJson = { accept: 'application/json' };

      const forged = await browser.request(`/admin/o/${slug}/members`, { form: { email: 'forged@example.org', role: 'owner' }, headers: asJson });
      expect(forged.status).toBe(403);
      expect((await json(forged)).code).toBe('CSRF_FAILED');
      const wrong = await browser.request(`/admin/o/${slug}/members`, {
        form: { _csrf: 'x'.repeat(43), email: 'forged@example.org', role: 'owner' },
        headers: asJson,
      });
      expect((await json(wrong)).code).toBe('CSRF_FAILED');
      const api = await browser.request(`/api/v1/organizations/${slug}/members`, { json: { email: 'forged@example.org', role: 'owner' }, headers: asJson });
      expect((await json(api)).code).toBe('CSRF_FAILED');

      const withHeader = await browser.request(`/api/v1/organizations/${slug}/members`, {
        json: { email: 'header@example.org', role: 'viewer' },
        headers: { ...asJson, 'x-csrf-token': browser.csrf! },
      });
      expect(withHeader.status).toBe(201);
      const bearer = await t.fetch(`/api/v1/organizations/${slug}/members`, {
        method: 'POST',
        headers: o.headers,
        body: JSON.stringify({ email: 'bearer@example.org', role: 'viewer' }),
      });
      expect(bearer.status).toBe(201);

      const pending = await json<{ items: { email: string }[] }>(await t.fetch(`/api/v1/organizations/${slug}/invitations`, { headers: o.headers }));
      expect(pending.items.map((i) => i.email).sort()).toEqual(['bearer@example.org', 'header@example.org']);
    });

    it('refuses a sign-in form posted without the browser’s own form token (login CSRF)', async () => {
      const o = await anOrganizer(t);
      const attacker = new WebClient(t);
      const res = await attacker.request('/admin/sign-in', {
        form: { email: o.email, password: o.password, _csrf: 'x'.repeat(43) },
        headers: { accept: 'application/json' },
      });
      expect(res.status).toBe(403);
      expect((await json(res)).code).toBe('CSRF_FAILED');
      expect(attacker.sessionCookie).toBeUndefined();
    });
  });

  describe('my account', () => {
    it('changing the password ends every other session and the API tokens; the browser that changed it stays signed in', async () => {
      const o = await anOrganizer(t);
      const here = await signedIn(t, o.email, o.password);
      const elsewhere = await signedIn(t, o.email, o.password);
      await here.get('/admin/account');
      const changed = await here.post('/admin/account/password', { currentPassword: o.password, newPassword: 'une-phrase-bien-longue-2026' });
      expect(changed.status).toBe(303);
      expect(changed.headers.get('location')).toBe('/admin/account?done=password-changed');
      expect((await here.get('/admin/account')).status).toBe(200);
      expect((await elsewhere.get('/admin/account')).status).toBe(303);
      expect((await t.fetch('/api/v1/organizations', { headers: o.headers })).status).toBe(401);
      expect(
        (
          await t.fetch('/api/v1/auth/token', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: o.email, password: o.password }),
          })
        ).status,
      ).toBe(401);
      await signedIn(t, o.email, 'une-phrase-bien-longue-2026');
    });

    it('shows a wrong current password and a weak new one beside their fields', async () => {
      const o = await anOrganizer(t);
      const browser = await signedIn(t, o.email, o.password);
      await browser.get('/admin/account');
      const wrong = await browser.post('/admin/account/password', { currentPassword: 'pas-le-bon-mot-de-passe', newPassword: 'une-phrase-bien-longue-2026' });
      expect(wrong.status).toBe(400);
      const html = await wrong.text();
      expect(html).toMatch(/<p class="field-error" id="current-password-error">Mot de passe actuel incorrect.<\/p>/);
      expect(html).toContain('aria-describedby="current-password-error"');
      const weak = await browser.post('/admin/account/password', { currentPassword: o.password, newPassword: 'azertyuiop' });
      expect(weak.status).toBe(400);
      expect(await weak.text()).toMatch(/id="new-password-error">Ce mot de passe est trop courant.</);
      // Nothing changed: the old password still works.
      await signedIn(t, o.email, o.password);
    });

    it('signs out everywhere', async () => {
      const o = await anOrganizer(t);
      const one = await signedIn(t, o.email, o.password);
      const two = await signedIn(t, o.email, o.password);
      await one.get('/admin/account');
      expect(await (await one.get('/admin/account')).text()).toContain('Sessions ouvertes : 2.');
      const out = await one.post('/admin/account/sign-out-everywhere');
      expect(out.status).toBe(303);
      expect((await one.get('/admin/account')).status).toBe(303);
      expect((await two.get('/admin/account')).status).toBe(303);
    });

    it('does the same by the JSON API: who am I, sign out everywhere, change the password', async () => {
      const o = await anOrganizer(t, { organization: 'Association Kènè' });
      const me = await json(await t.fetch('/api/v1/me', { headers: o.headers }));
      expect(me).toMatchObject({ email: o.email, organizations: [{ slug: o.organizationSlug, name: 'Association Kènè', role: 'owner' }] });
      const browser = await signedIn(t, o.email, o.password);
      expect((await t.fetch('/api/v1/me/sessions', { method: 'DELETE', headers: { authorization: o.headers.authorization } })).status).toBe(204);
      expect((await browser.get('/admin/account')).status).toBe(303);

      const weak = await t.fetch('/api/v1/me/password', {
        method: 'POST',
        headers: o.headers,
        body: JSON.stringify({ currentPassword: o.password, newPassword: 'court' }),
      });
      expect(weak.status).toBe(400);
      expect(await json(weak)).toMatchObject({ code: 'WEAK_PASSWORD', errors: [{ field: 'newPassword', message: 'Au moins 10 caractères.' }] });
      const changed = await t.fetch('/api/v1/me/password', {
        method: 'POST',
        headers: o.headers,
        body: JSON.stringify({ currentPassword: o.password, newPassword: 'karité-et-mangue-2026' }),
      });
      expect(changed.status).toBe(204);
      expect((await t.fetch('/api/v1/me', { headers: o.headers })).status).toBe(401);
      const again = await t.fetch('/api/v1/auth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: o.email, password: 'karité-et-mangue-2026' }),
      });
      expect(again.status).toBe(200);
    });

    it('voids the sign-in links asked for before a password change', async () => {
      const o = await anOrganizer(t);
      await t.fetch('/api/v1/auth/magic-link', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: o.email }) });
      const link = await lastLink(t, o.email, 'auth.magic-link');
      expect((await t.fetch(pathOf(link))).status).toBe(200);
      const changed = await t.fetch('/api/v1/me/password', {
        method: 'POST',
        headers: o.headers,
        body: JSON.stringify({ currentPassword: o.password, newPassword: 'karité-et-mangue-2027' }),
      });
      expect(changed.status).toBe(204);
      expect((await t.fetch(pathOf(link))).status).toBe(410);
      // Posted all the same, with a form token from the sign-in page (the dead link's page has no form).
      const browser = new WebClient(t);
      await browser.get('/admin/sign-in');
      const used = await browser.post('/auth/link', { token: tokenOf(link) });
      expect(used.status).toBe(410);
      expect(browser.sessionCookie).toBeUndefined();
    });

    it('lets an account made by invitation set a first password, soon after signing in by link', async () => {
      const owner = await anOrganizer(t);
      await t.fetch(`/api/v1/organizations/${owner.organizationSlug}/members`, {
        method: 'POST',
        headers: owner.headers,
        body: JSON.stringify({ email: 'sans-mot-de-passe@example.org', role: 'viewer' }),
      });
      const invitee = new WebClient(t);
      const token = tokenOf(await lastLink(t, 'sans-mot-de-passe@example.org', 'member.invitation'));
      await invitee.get(`/admin/invitation?token=${token}`);
      await invitee.post('/admin/invitation', { token });
      const page = await (await invitee.get('/admin/account')).text();
      expect(page).toContain('Définir un mot de passe');
      expect(page).not.toContain('name="currentPassword"');
      clock.advance(61 * 60_000);
      const late = await invitee.post('/admin/account/password', { newPassword: 'une-phrase-bien-longue-2026' });
      expect(late.status).toBe(403);
      expect(await late.text()).toContain('Reconnexion nécessaire');
      clock.reset();
      const browser = new WebClient(t);
      await browser.get('/admin/sign-in');
      await browser.post('/admin/sign-in/link', { email: 'sans-mot-de-passe@example.org' });
      const link = await lastLink(t, 'sans-mot-de-passe@example.org', 'auth.magic-link');
      await browser.get(pathOf(link));
      await browser.post('/auth/link', { token: tokenOf(link) });
      await browser.get('/admin/account');
      expect((await browser.post('/admin/account/password', { newPassword: 'une-phrase-bien-longue-2026' })).status).toBe(303);
      await signedIn(t, 'sans-mot-de-passe@example.org', 'une-phrase-bien-longue-2026');
    });

    it('lists and revokes API tokens, by JSON and on the page', async () => {
      const o = await anOrganizer(t);
      const second = await json<{ accessToken: string }>(
        await t.fetch('/api/v1/auth/token', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: o.email, password: o.password }),
        }),
      );
      const list = await json<{ items: { id: string; label: string; lastUsedAt: string | null }[]; total: number }>(
        await t.fetch('/api/v1/me/tokens', { headers: o.headers }),
      );
      expect(list.total).toBe(2);
      expect(JSON.stringify(list)).not.toContain(o.token);
      const [newest, oldest] = list.items;
      const auth = { authorization: o.headers.authorization };
      expect((await t.fetch(`/api/v1/me/tokens/${newest.id}`, { method: 'DELETE', headers: auth })).status).toBe(204);
      expect((await t.fetch('/api/v1/organizations', { headers: { authorization: `Bearer ${second.accessToken}` } })).status).toBe(401);
      expect((await t.fetch(`/api/v1/me/tokens/${newest.id}`, { method: 'DELETE', headers: auth })).status).toBe(404);
      expect((await t.fetch('/api/v1/me/tokens/not-an-id', { method: 'DELETE', headers: auth })).status).toBe(404);

      const browser = await signedIn(t, o.email, o.password);
      const page = await (await browser.get('/admin/account')).text();
      expect(page).toContain(`/admin/account/tokens/${oldest.id}/revoke`);
      const revoked = await browser.post(`/admin/account/tokens/${oldest.id}/revoke`);
      expect(revoked.headers.get('location')).toBe('/admin/account?done=token-revoked');
      expect((await t.fetch('/api/v1/organizations', { headers: o.headers })).status).toBe(401);
    });
  });

  it('speaks English when asked', async () => {
    const browser = new WebClient(t);
    const res = await browser.get('/admin/sign-in?lang=en');
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Sign in to the organizers’ area');
    expect(browser.cookies.get('lang')).toBe('en');
    expect(await (await browser.get('/admin/sign-in')).text()).toContain('Receive a sign-in link');
  });
});
