import ICAL from 'ical.js';
import { weekday } from './support/html';
import * as net from 'node:net';
import { DataSource } from 'typeorm';
import { JobRunner, Locale } from '@palabre/platform';
import { everyTemplateInEveryLocale, OutboxService, TemplateName, templateExamples, TEMPLATES } from '@palabre/notifications';
import { ReceivedMail, SmtpTestServer, startSmtpServer } from '@palabre/testing';
import { json, startTestApp, TestApp, startMailingApp } from './support/test-app';

const PUBLIC_URL = 'https://forum.example.org';
const NAMES = Object.keys(TEMPLATES) as TemplateName[];

/** What a reader sees first: the subject, per kind and language. */
const SUBJECTS: Record<TemplateName, Record<Locale, RegExp>> = {
  'auth.magic-link': { fr: /^Votre lien de connexion à Palabre$/, en: /^Your sign-in link for Palabre$/ },
  'member.invitation': {
    fr: /^Fatoumata Diarra vous invite à rejoindre ONG Jeunesse et Emploi sur Palabre$/,
    en: /^Fatoumata Diarra invites you to join ONG Jeunesse et Emploi on Palabre$/,
  },
  'partner.invitation': { fr: /^Sahel Emploi Jeunes, partenaire de Forum Job Cluster 2025$/, en: /^Sahel Emploi Jeunes, partner of Job Cluster Forum 2025$/ },
  'speaker.invitation': { fr: /^Invitation à intervenir : Forum Job Cluster 2025$/, en: /^Invitation to speak at Job Cluster Forum 2025$/ },
  'speaker.reminder': {
    fr: /^Rappel : merci de confirmer votre participation à Forum Job Cluster 2025$/,
    en: /^Reminder: please confirm your participation in Job Cluster Forum 2025$/,
  },
  'speaker.answers': {
    fr: /^Réponses des intervenants : 2 nouvelles, dont 1 refus — Forum Job Cluster 2025$/,
    en: /^Speakers' answers: 2 new, 1 declined — Job Cluster Forum 2025$/,
  },
  'program.change': { fr: /^Changement de programme : Forum Job Cluster 2025$/, en: /^Program change: Job Cluster Forum 2025$/ },
  'registration.check-email': {
    fr: /^Action requise : confirmez votre inscription à Forum Job Cluster 2025$/,
    en: /^Action needed: confirm your registration for Job Cluster Forum 2025$/,
  },
  'registration.confirmed': { fr: /^Inscription confirmée : Forum Job Cluster 2025$/, en: /^Registration confirmed: Job Cluster Forum 2025$/ },
  'registration.waitlisted': { fr: /^Liste d'attente : Forum Job Cluster 2025 \(position 12\)$/, en: /^Waiting list: Job Cluster Forum 2025 \(position 12\)$/ },
  'registration.promoted': {
    fr: /^Une place s'est libérée : votre inscription à Forum Job Cluster 2025 est confirmée$/,
    en: /^A seat freed up: your registration for Job Cluster Forum 2025 is confirmed$/,
  },
  'registration.cancelled': { fr: /^Inscription annulée : Forum Job Cluster 2025$/, en: /^Registration cancelled: Job Cluster Forum 2025$/ },
  'registration.hold-expired': {
    fr: /^Place libérée faute de confirmation : Forum Job Cluster 2025$/,
    en: /^Seat released, registration never confirmed: Job Cluster Forum 2025$/,
  },
  'registration.reminder': {
    fr: new RegExp(`^Rappel : Forum Job Cluster 2025 commence le ${weekday('2025-06-12T09:00:00Z', 'fr')} 12 juin$`),
    en: new RegExp(`^Reminder: Job Cluster Forum 2025 starts on ${weekday('2025-06-12T09:00:00Z', 'en')} 12 June$`),
  },
  'registration.workshops': { fr: /^Vos ateliers : Forum Job Cluster 2025$/, en: /^Your workshops: Job Cluster Forum 2025$/ },
};

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

async function enqueueOne(t: TestApp, to: string, template: TemplateName = 'auth.magic-link', locale: Locale = 'fr'): Promise<number> {
  const started = performance.now();
  await t.app.get(DataSource).transaction(async (manager) => {
    await t.app.get(OutboxService).enqueue(manager, { to, template, locale, data: templateExamples(PUBLIC_URL)[template] });
  });
  return performance.now() - started;
}

async function waitUntil<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('mail from the api through a real SMTP server', () => {
  let smtp: SmtpTestServer;
  let t: TestApp;
  const byRecipient = new Map<string, ReceivedMail>();

  beforeAll(async () => {
    ({ t, smtp } = await startMailingApp({ PUBLIC_URL, MAIL_FROM: 'Forum Job Cluster <inscriptions@forum.example.org>' }));
    for (const [name, locale] of everyTemplateInEveryLocale()) await enqueueOne(t, `${name}.${locale}@example.ml`, name, locale);
    // startTestApp runs no background loop: drain the outbox as the worker would.
    await t.app.get(JobRunner).drain(['outbox']);
    for (const m of await smtp.waitFor(NAMES.length * 2)) byRecipient.set(m.envelopeTo[0], m);
  });
  afterAll(() => t?.close());

  it.each(everyTemplateInEveryLocale())('%s arrives in %s: recipient, subject, language, links', (name, locale) => {
    const to = `${name}.${locale}@example.ml`;
    const mail = byRecipient.get(to)!;
    expect(mail).toBeDefined();
    expect(mail.parsed.to).toMatchObject({ value: [{ address: to }] });
    expect(mail.parsed.from?.value[0]).toEqual({ address: 'inscriptions@forum.example.org', name: 'Forum Job Cluster' });
    expect(mail.parsed.subject).toMatch(SUBJECTS[name][locale]);
    expect(mail.parsed.headers.get('content-language')).toBe(locale);
    expect(mail.parsed.html).toContain(`<html lang="${locale}">`);
    const links = hrefs(String(mail.parsed.html));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.startsWith(`${PUBLIC_URL}/`)).toBe(true);
      expect(mail.parsed.text).toContain(link);
    }
  });

  it('sends each message with the Message-ID stored in its outbox row', async () => {
    const rows: { recipient: string; message_id: string; status: string }[] = await t.app
      .get(DataSource)
      .query('SELECT recipient, message_id, status FROM outbox_messages');
    expect(rows).toHaveLength(NAMES.length * 2);
    for (const row of rows) {
      expect(row.status).toBe('sent');
      expect(byRecipient.get(row.recipient)!.parsed.messageId).toBe(row.message_id);
    }
    expect(smtp.messages).toHaveLength(NAMES.length * 2);
  });

  it.each([
    ['registration.confirmed', 'fr', 'Forum Job Cluster 2025'],
    ['registration.promoted', 'en', 'Job Cluster Forum 2025'],
  ] as const)('%s in %s carries the event as an .ics attachment', (name, locale, summary) => {
    const mail = byRecipient.get(`${name}.${locale}@example.ml`)!;
    const ics = mail.parsed.attachments.filter((a) => a.contentType === 'text/calendar');
    expect(ics).toHaveLength(1);
    expect(ics[0].filename).toBe('job-cluster-2025.ics');
    const text = ics[0].content.toString('utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe('registration-JC25-7K3Q@forum.example.org');
    expect(event.summary).toBe(summary);
    expect(event.startDate.toJSDate().toISOString()).toBe('2025-06-12T08:30:00.000Z');
    expect(text).toContain('DTSTART:20250612T083000Z');
  });

  it('attaches no calendar to the other messages', () => {
    for (const [to, mail] of byRecipient) {
      if (/^registration\.(confirmed|promoted)\./.test(to)) continue;
      expect(mail.parsed.attachments).toHaveLength(0);
    }
  });

  it('counts sent mail in /metrics and reports the outbox in readiness', async () => {
    const metrics = await (await t.fetch('/metrics')).text();
    expect(metrics).toMatch(new RegExp(`^palabre_mail_sent_total ${NAMES.length * 2}$`, 'm'));
    expect(metrics).toMatch(/^palabre_mail_retried_total 0$/m);
    expect(metrics).toMatch(/^palabre_mail_failed_total 0$/m);
    const ready = await json<{ checks: Record<string, unknown> }>(await t.fetch('/health/ready'));
    expect(ready.checks.outbox).toEqual({ ok: true, due: 0, oldestDueAgeSeconds: 0 });
  });

  it('keeps the delivery log (JSON and page) behind sign-in: 401 without a token', async () => {
    const list = await t.fetch('/api/v1/organizations/ong-jeunesse/mail?status=failed&page=1&pageSize=10');
    expect(list.status).toBe(401);
    expect(list.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(list)).toMatchObject({ code: 'UNAUTHENTICATED' });
    const resend = await t.fetch('/api/v1/organizations/ong-jeunesse/mail/7d3f6c1e-1d1e-4c1b-9f0a-1b2c3d4e5f60/resend', { method: 'POST' });
    expect(resend.status).toBe(401);
    // A browser without a session is sent to sign in, and back here after.
    const page = await t.fetch('/admin/o/ong-jeunesse/mail', { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/admin\/sign-in\?next=%2Fadmin%2Fo%2Fong-jeunesse%2Fmail/);
    const docs = await json<{ paths: Record<string, unknown> }>(await t.fetch('/api/docs-json'));
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining(['/api/v1/organizations/{orgSlug}/mail', '/api/v1/organizations/{orgSlug}/mail/{id}/resend']),
    );
  });
});

describe('mail when the SMTP server is down', () => {
  it('refused with 451: messages wait, then go out when the server accepts again', async () => {
    const smtp = await startSmtpServer();
    const t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL, OUTBOX_RETRY_BASE_MS: '300', OUTBOX_POLL_MS: '100' });
    const runner = t.app.get(JobRunner);
    try {
      smtp.failWith(451, 'Requested action aborted: local error');
      runner.start();
      for (const to of ['a@example.ml', 'b@example.ml', 'c@example.ml']) await enqueueOne(t, to);
      const ds = t.app.get(DataSource);
      const waiting = await waitUntil(async () => {
        const rows: { status: string; attempts: number; last_error: string | null }[] = await ds.query(
          'SELECT status, attempts, last_error FROM outbox_messages',
        );
        return rows.every((r) => r.attempts >= 1 && r.status === 'queued') && rows;
      });
      expect(waiting.every((r) => String(r.last_error).includes('local error'))).toBe(true);
      expect(smtp.messages).toHaveLength(0);
      smtp.failWith(undefined);
      const arrived = await smtp.waitFor(3, { timeoutMs: 20_000 });
      expect(arrived.map((m) => m.envelopeTo[0]).sort()).toEqual(['a@example.ml', 'b@example.ml', 'c@example.ml']);
      expect(await (await t.fetch('/metrics')).text()).toMatch(/^palabre_mail_retried_total [1-9]/m);
    } finally {
      await runner.stop();
      await t.close();
      await smtp.close();
    }
  });

  it('hanging without a word: queuing mail is not slowed, and the mail goes out once a server answers on that port', async () => {
    // A server that accepts connections and never greets: the worst relay there is.
    const sockets = new Set<net.Socket>();
    const dead = net.createServer((s) => sockets.add(s.on('error', () => undefined)));
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as net.AddressInfo).port;
    const t = await startTestApp({
      SMTP_URL: `smtp://127.0.0.1:${port}?connectionTimeout=20000&greetingTimeout=20000&socketTimeout=20000`,
      PUBLIC_URL,
      OUTBOX_RETRY_BASE_MS: '200',
      OUTBOX_POLL_MS: '100',
    });
    const runner = t.app.get(JobRunner);
    let smtp: SmtpTestServer | undefined;
    try {
      runner.start();
      const ds = t.app.get(DataSource);
      const baseline = await enqueueOne(t, 'first@example.ml');
      // The worker has taken the first message and hangs on the silent server.
      await waitUntil(async () => sockets.size > 0 && (await ds.query<unknown[]>(`SELECT 1 FROM outbox_messages WHERE status = 'sending'`)).length > 0);
      const durations: number[] = [];
      for (let i = 0; i < 10; i++) durations.push(await enqueueOne(t, `p${i}@example.ml`));
      // Ten times less than one SMTP timeout (20 s): the request never waits for the relay, even on a loaded machine.
      expect(Math.max(baseline, ...durations)).toBeLessThan(2_000);
      expect((await ds.query<unknown[]>(`SELECT 1 FROM outbox_messages WHERE status = 'sending'`)).length).toBeGreaterThan(0);
      // The relay comes back on the same address.
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => dead.close(() => resolve()));
      smtp = await startSmtpServer({ port });
      const arrived = await smtp.waitFor(11, { timeoutMs: 40_000 });
      expect(new Set(arrived.map((m) => m.envelopeTo[0])).size).toBe(11);
    } finally {
      await runner.stop();
      await t.close();
      await smtp?.close();
      if (dead.listening) dead.close();
    }
  }, 90_000);
});
