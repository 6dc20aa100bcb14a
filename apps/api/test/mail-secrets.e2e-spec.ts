import { DataSource } from 'typeorm';
import { JobRunner } from '@palabre/platform';
import { ReceivedMail, SmtpTestServer, startSmtpServer } from '@palabre/testing';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { ProgramApi } from './support/program';
import { json, startTestApp, TestApp, startMailingApp } from './support/test-app';
import { TestClock } from '@palabre/testing';
import { lastLink, pathOf, signedIn, tokenOf } from './support/web-client';

const PUBLIC_URL = 'https://forum.example.org';
const DAY_MS = 86_400_000;

/** The sign-in link a message carries (the one with a token). */
function signInLinkOf(mail: ReceivedMail): string {
  const link = [...String(mail.parsed.html).matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&')).find((href) => href.includes('token='));
  if (!link) throw new Error(`no sign-in link in the mail to ${mail.envelopeTo[0]}`);
  return link;
}

/** The tables where any of these secrets is found, reading every row as a dump or a backup would. */
async function tablesHolding(t: TestApp, secrets: string[]): Promise<string[]> {
  const ds = t.app.get(DataSource);
  const tables = await ds.query<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const text = (await ds.query<{ row: string }[]>(`SELECT t::text AS row FROM "${name}" t`)).map((r) => r.row).join('\n');
    if (secrets.some((s) => text.includes(s))) found.push(name);
  }
  return found;
}

describe('sign-in secrets in the outbox', () => {
  let smtp: SmtpTestServer;
  let t: TestApp;
  const clock = new TestClock();

  beforeAll(async () => {
    ({ t, smtp } = await startMailingApp({ PUBLIC_URL, OUTBOX_RETRY_BASE_MS: '50' }, { clock }));
  });
  afterAll(() => t?.close());
  beforeEach(() => {
    smtp.failWith(undefined);
    smtp.messages.length = 0;
  });
  afterEach(() => clock.reset());

  const drain = () => t.app.get(JobRunner).drain(['outbox']);
  const inviteMember = (owner: TestOrganizer, email: string) =>
    t.fetch(`/api/v1/organizations/${owner.organizationSlug}/members`, {
      method: 'POST',
      headers: owner.headers,
      body: JSON.stringify({ email, role: 'viewer' }),
    });
  const askForLink = (email: string) =>
    t.fetch('/api/v1/auth/magic-link', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });

  it('keeps no working link in any table once the magic link, member and speaker invitations are sent — and the emailed links work', async () => {
    const owner = await anOrganizer(t);
    expect((await askForLink(owner.email)).status).toBe(202);
    expect((await inviteMember(owner, 'nouvelle-membre@example.ml')).status).toBe(201);
    const p = await ProgramApi.newEvent(t, owner);
    const speakerId = await p.speaker('Aminata Sangaré', { email: 'aminata@example.ml' });
    expect((await t.fetch(`/api/v1/speakers/${speakerId}/invite`, { method: 'POST', headers: { authorization: owner.headers.authorization } })).status).toBe(
      202,
    );
    await drain();

    const mails = await smtp.waitFor(3);
    const links = new Map(mails.map((m) => [m.envelopeTo[0], signInLinkOf(m)]));
    expect([...links.keys()].sort()).toEqual(['aminata@example.ml', owner.email, 'nouvelle-membre@example.ml'].sort());
    expect(await tablesHolding(t, [...links.values()].map(tokenOf))).toEqual([]);
    // The emailed links themselves still sign in.
    expect((await t.fetch(pathOf(links.get(owner.email)!))).status).toBe(200);
    expect((await t.fetch(pathOf(links.get('aminata@example.ml')!))).status).toBe(200);
    expect((await t.fetch(pathOf(links.get('nouvelle-membre@example.ml')!))).status).toBe(200);
  });

  it('keeps the link of a message waiting for a retry, and sends it with the same Message-ID', async () => {
    const owner = await anOrganizer(t);
    smtp.failWith(451, 'Greylisted, try later');
    await askForLink(owner.email);
    await drain();
    const [row] = await t.app
      .get(DataSource)
      .query<{ status: string; message_id: string }[]>(`SELECT status, message_id FROM outbox_messages WHERE recipient = $1`, [owner.email]);
    expect(row.status).toBe('queued');
    const queuedLink = await lastLink(t, owner.email, 'auth.magic-link');
    smtp.failWith(undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await drain();
    const [mail] = await smtp.waitFor(1);
    expect(mail.parsed.messageId).toBe(row.message_id);
    expect(signInLinkOf(mail)).toBe(queuedLink);
    expect(await tablesHolding(t, [tokenOf(queuedLink)])).toEqual([]);
    expect((await t.fetch(pathOf(queuedLink))).status).toBe(200);
  });

  it('drops the link of a message refused for good, and will not resend it without one', async () => {
    const owner = await anOrganizer(t);
    smtp.failWith(550, 'No such user here');
    await inviteMember(owner, 'personne@example.ml');
    const link = await lastLink(t, 'personne@example.ml', 'member.invitation');
    await drain();
    const [row] = await t.app
      .get(DataSource)
      .query<{ id: string; status: string }[]>(`SELECT id, status FROM outbox_messages WHERE recipient = 'personne@example.ml'`);
    expect(row.status).toBe('failed');
    expect(await tablesHolding(t, [tokenOf(link)])).toEqual([]);
    const resend = await t.fetch(`/api/v1/organizations/${owner.organizationSlug}/mail/${row.id}/resend`, {
      method: 'POST',
      headers: { authorization: owner.headers.authorization },
    });
    expect(resend.status).toBe(409);
    expect(await json(resend)).toMatchObject({ code: 'MAIL_LINK_REMOVED' });
  });
});

describe('purging sent mail', () => {
  let smtp: SmtpTestServer;
  let t: TestApp;
  const clock = new TestClock();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL, OUTBOX_RETENTION_DAYS: '30' }, { clock });
  });
  afterAll(() => t?.close());

  it('removes sent messages older than OUTBOX_RETENTION_DAYS, and the delivery log, its page and the dashboard keep their totals', async () => {
    const owner = await anOrganizer(t);
    for (const email of ['a@example.ml', 'b@example.ml'])
      await t.fetch(`/api/v1/organizations/${owner.organizationSlug}/members`, {
        method: 'POST',
        headers: owner.headers,
        body: JSON.stringify({ email, role: 'viewer' }),
      });
    await t.app.get(JobRunner).drain(['outbox']);
    smtp.failWith(550, 'No such user here');
    await t.fetch(`/api/v1/organizations/${owner.organizationSlug}/members`, {
      method: 'POST',
      headers: owner.headers,
      body: JSON.stringify({ email: 'bounce@example.ml', role: 'viewer' }),
    });
    await t.app.get(JobRunner).drain(['outbox']);
    smtp.failWith(undefined);

    const ds = t.app.get(DataSource);
    const rowsOf = async () =>
      (await ds.query<{ status: string }[]>(`SELECT status FROM outbox_messages WHERE organization_id = $1 ORDER BY status`, [owner.organizationId])).map(
        (r) => r.status,
      );
    /** What an owner sees, signed in afresh (sessions and tokens do not outlive a month of clock). */
    const seen = async () => {
      const token = (
        await json<{ accessToken: string }>(
          await t.fetch('/api/v1/auth/token', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: owner.email, password: owner.password }),
          }),
        )
      ).accessToken;
      const api = await json<{ counts: Record<string, number> }>(
        await t.fetch(`/api/v1/organizations/${owner.organizationSlug}/mail`, { headers: { authorization: `Bearer ${token}` } }),
      );
      const browser = await signedIn(t, owner.email, owner.password);
      const dashboard = await (await browser.get(`/admin/o/${owner.organizationSlug}`)).text();
      const mailPage = await (await browser.get(`/admin/o/${owner.organizationSlug}/mail`)).text();
      return {
        counts: api.counts,
        dashboard: /Envoyés : \d+/.exec(dashboard)?.[0],
        mailPage: [/Envoyé : \d+/.exec(mailPage)?.[0], /En échec : \d+/.exec(mailPage)?.[0]],
      };
    };
    const before = await seen();
    expect(before).toEqual({ counts: { queued: 0, sending: 0, sent: 2, failed: 1 }, dashboard: 'Envoyés : 2', mailPage: ['Envoyé : 2', 'En échec : 1'] });
    expect(await rowsOf()).toEqual(['failed', 'sent', 'sent']);

    clock.advance(29 * DAY_MS);
    await t.app.get(JobRunner).drain(['outbox-purge']);
    expect(await rowsOf()).toEqual(['failed', 'sent', 'sent']);

    clock.advance(2 * DAY_MS);
    await t.app.get(JobRunner).drain(['outbox-purge']);
    // Sent ones go; a failed one stays, for someone to look at.
    expect(await rowsOf()).toEqual(['failed']);
    expect(await seen()).toEqual(before);
  });
});
