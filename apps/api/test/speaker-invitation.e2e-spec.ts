import { hashSecret } from '@palabre/identity';
import { DataSource } from 'typeorm';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { ProgramApi } from './support/program';
import { json, suiteApp } from './support/test-app';
import { TestClock } from '@palabre/testing';
import { pathOf, signedIn, tokenOf, WebClient } from './support/web-client';

interface InvitationRow {
  recipient: string;
  locale: string;
  data: { speakerName: string; organizationName: string; eventTitle: { fr: string }; link: string; expiresInHours: number };
  dedupe_key: string;
}

/** `POST /api/v1/speakers/{id}/invite` and the « Inviter » button: the account, the emailed sign-in link, once a day. */
describe('inviting a speaker', () => {
  const clock = new TestClock();
  let owner: TestOrganizer;
  let p: ProgramApi;
  const t = suiteApp({}, { clock });
  beforeAll(async () => {
    owner = await anOrganizer(t, { organization: 'Réseau Emploi Jeunes' });
    p = await ProgramApi.newEvent(t, owner);
  });
  afterEach(() => clock.reset());

  const invite = (id: string, who: TestOrganizer = owner) =>
    t.fetch(`/api/v1/speakers/${id}/invite`, { method: 'POST', headers: { authorization: who.headers.authorization } });
  const invitations = (email: string) =>
    t.app
      .get(DataSource)
      .query<InvitationRow[]>(
        `SELECT recipient, locale, data || COALESCE(secret, '{}') AS data, dedupe_key FROM outbox_messages WHERE template = 'speaker.invitation' AND recipient = $1 ORDER BY created_at`,
        [email],
      );

  it('queues the invitation email with a sign-in link that signs the speaker in, once', async () => {
    const id = await p.speaker('Aïssata Coulibaly', { email: 'Aissata@example.ml', locale: 'en' });
    const before = clock.now().getTime();
    const res = await invite(id);
    const after = clock.now().getTime();
    expect(res.status).toBe(202);
    const body = await json<{ speakerId: string; email: string; queued: boolean; expiresAt: string }>(res);
    expect(body).toMatchObject({ speakerId: id, email: 'aissata@example.ml', queued: true });
    const validFor = new Date(body.expiresAt).getTime() - 72 * 3600_000;
    expect(validFor).toBeGreaterThanOrEqual(before);
    expect(validFor).toBeLessThanOrEqual(after);

    const [row] = await invitations('aissata@example.ml');
    expect(row).toMatchObject({
      locale: 'en',
      data: { speakerName: 'Aïssata Coulibaly', organizationName: 'Réseau Emploi Jeunes', eventTitle: { fr: 'Forum de test' }, expiresInHours: 72 },
    });
    expect([new Date(before), new Date(after)].map((d) => `speaker-invitation:${id}:${d.toISOString().slice(0, 10)}`)).toContain(row.dedupe_key);
    expect(row.data.link).toMatch(new RegExp(`^${t.config.publicUrl}/auth/link\\?token=[\\w-]{43}$`));
    // Only the hash of the link's secret is stored.
    const secret = tokenOf(row.data.link);
    const stored = await t.app.get(DataSource).query<unknown[]>(`SELECT 1 FROM sign_in_links WHERE token_hash = $1`, [hashSecret(secret)]);
    expect(stored).toHaveLength(1);
    expect(await t.app.get(DataSource).query<unknown[]>(`SELECT 1 FROM sign_in_links WHERE token_hash = $1`, [secret])).toHaveLength(0);

    // The profile is linked to the (new) account of that address.
    const profile = await p.ok<{ accountLinked: boolean; invitedAt: string }>('GET', `/speakers/${id}`);
    expect(profile.accountLinked).toBe(true);
    expect(new Date(profile.invitedAt).getTime()).toBeGreaterThanOrEqual(before);
    expect(new Date(profile.invitedAt).getTime()).toBeLessThanOrEqual(after);

    const speaker = new WebClient(t);
    expect((await speaker.get(pathOf(row.data.link))).status).toBe(200);
    const signed = await speaker.post('/auth/link', { token: secret });
    expect(signed.status).toBe(303);
    expect(speaker.sessionCookie).toBeDefined();
    const account = await speaker.get('/admin/account');
    expect(account.status).toBe(200);
    expect(await account.text()).toContain('aissata@example.ml');

    const again = new WebClient(t);
    await again.get('/admin/sign-in');
    expect((await again.post('/auth/link', { token: secret })).status).toBe(410);

    // The link between profile and account belongs to the address: a new address needs a new invitation.
    await p.ok('PATCH', `/speakers/${id}`, { email: 'aissata.c@example.ml' });
    expect(await p.ok('GET', `/speakers/${id}`)).toMatchObject({ accountLinked: false });
  });

  it('sends one invitation a day per speaker: a second click queues nothing and leaves no second link', async () => {
    const id = await p.speaker('Oumar Sangaré', { email: 'oumar@example.ml' });
    expect((await json(await invite(id))).queued).toBe(true);
    const links = () =>
      t.app.get(DataSource).query<unknown[]>(`SELECT l.id FROM sign_in_links l JOIN users u ON u.id = l.user_id WHERE u.email = 'oumar@example.ml'`);
    expect(await links()).toHaveLength(1);

    const second = await invite(id);
    expect(second.status).toBe(202);
    expect(await json(second)).toMatchObject({ queued: false, expiresAt: null });
    expect(await invitations('oumar@example.ml')).toHaveLength(1);
    expect(await links()).toHaveLength(1);

    clock.advance(24 * 3600_000);
    expect((await json(await invite(id))).queued).toBe(true);
    expect(await invitations('oumar@example.ml')).toHaveLength(2);
  });

  it('links an existing account of that address instead of creating another', async () => {
    const colleague = await anOrganizer(t, { organization: 'Autre ONG' });
    const id = await p.speaker('Une organisatrice qui intervient', { email: colleague.email });
    expect((await invite(id)).status).toBe(202);
    const users = await t.app.get(DataSource).query<unknown[]>(`SELECT id FROM users WHERE email = $1`, [colleague.email.toLowerCase()]);
    expect(users).toHaveLength(1);
    expect(await p.ok('GET', `/speakers/${id}`)).toMatchObject({ accountLinked: true });
  });

  it('asks for an email address first (422), and sends nothing', async () => {
    const id = await p.speaker('Sans adresse');
    const res = await invite(id);
    expect(res.status).toBe(422);
    expect(await json(res)).toMatchObject({ code: 'SPEAKER_EMAIL_MISSING', errors: [{ field: 'email' }] });
    expect(await p.ok('GET', `/speakers/${id}`)).toMatchObject({ accountLinked: false, invitedAt: null });
  });

  it('answers 404 outside the caller’s organizations and for unknown speakers, 403 to a viewer', async () => {
    const id = await p.speaker('Mariam Keïta', { email: 'mariam@example.ml' });
    const stranger = await anOrganizer(t, { organization: 'ONG Voisine' });
    expect((await invite(id, stranger)).status).toBe(404);
    expect((await invite('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await invite('pas-un-id')).status).toBe(404);
    const viewer = await anOrganizer(t, { organization: owner.organizationSlug, role: 'viewer' });
    expect((await invite(id, viewer)).status).toBe(403);
    expect((await t.fetch(`/api/v1/speakers/${id}/invite`, { method: 'POST' })).status).toBe(401);
    expect(await invitations('mariam@example.ml')).toHaveLength(0);
  });

  it('invites from the speakers page with the « Inviter » button', async () => {
    const id = await p.speaker('Boubacar Diallo', { email: 'boubacar@example.ml' });
    const browser = await signedIn(t, owner.email, owner.password);
    const base = `/admin/o/${owner.organizationSlug}/events/${p.slug}/speakers`;
    const list = await (await browser.get(base)).text();
    expect(list).toContain(`action="${base}/${id}/invite"`);
    expect(list).toContain('Pas encore invité·e');
    const sent = await browser.post(`${base}/${id}/invite`);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${base}?done=invited`);
    expect(await (await browser.get(`${base}?done=invited`)).text()).toContain('Invitation envoyée');
    expect(await invitations('boubacar@example.ml')).toHaveLength(1);
    expect((await browser.post(`${base}/${id}/invite`)).headers.get('location')).toBe(`${base}?done=already-invited`);

    // A speaker of another event of the organization is not reachable through this event's page.
    const other = await ProgramApi.newEvent(t, owner);
    const elsewhere = await other.speaker('Ailleurs', { email: 'ailleurs@example.ml' });
    expect((await browser.post(`${base}/${elsewhere}/invite`)).status).toBe(404);
    expect(await invitations('ailleurs@example.ml')).toHaveLength(0);
  });
});
