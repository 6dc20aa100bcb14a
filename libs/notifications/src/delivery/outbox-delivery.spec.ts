import { HealthService, JobRunner, MailTransport, SmsTransport, MetricsService } from '@palabre/platform';
import { createTestDatabase, itBreaksWithoutItsLock, itHoldsUnderConcurrency, SmtpTestServer, startSmtpServer, TestDatabase } from '@palabre/testing';
import { OutboxTestModule, rowsOf, sleep, startOutboxModule } from '../../test/outbox-test-module';
import { OutboxRepository } from '../outbox/outbox.repository';
import { MailRenderer } from '../templates/mail-renderer';
import { OutboxDelivery } from './outbox-delivery.job';

describe('outbox delivery through a real SMTP server', () => {
  let db: TestDatabase;
  let smtp: SmtpTestServer;
  let m: OutboxTestModule | undefined;

  beforeAll(async () => {
    [db, smtp] = await Promise.all([createTestDatabase(), startSmtpServer()]);
  });
  afterAll(async () => {
    await smtp?.close();
    await db?.close();
  });
  beforeEach(async () => {
    smtp.failWith(undefined);
    smtp.messages.length = 0;
  });
  afterEach(async () => {
    // The worker claims every due row of the database: each test starts from an empty outbox.
    await m?.dataSource.query('DELETE FROM outbox_messages');
    await m?.close();
    m = undefined;
  });

  const start = async (env: Record<string, string> = {}) => (m = await startOutboxModule(db.url, { SMTP_URL: smtp.url, ...env }));

  it("sends a queued message once, with its own Message-ID, and records the relay's answer", async () => {
    const t = await start();
    await t.enqueue('awa@example.ml', 'registration.confirmed');
    const summary = await t.moduleRef.get(OutboxDelivery).drain();
    expect(summary).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [row] = await rowsOf(t.dataSource);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, claimedBy: null });
    expect(String(row.response)).toMatch(/^250/);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].envelopeTo).toEqual(['awa@example.ml']);
    expect(smtp.messages[0].parsed.messageId).toBe(row.messageId);
    expect(smtp.messages[0].parsed.subject).toBe('Inscription confirmée : Forum Job Cluster 2025');
    expect(await t.moduleRef.get(OutboxDelivery).drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
  });

  it('wakes the running loop when the transaction that queued mail commits — not before, and not on rollback', async () => {
    // A poll interval far longer than the test: only the wake-up can deliver in time.
    const t = await start({ OUTBOX_POLL_MS: '600000' });
    const runner = t.moduleRef.get(JobRunner);
    runner.start();
    try {
      await sleep(50); // the loop has looked once and now sleeps
      const poke = jest.spyOn(runner, 'poke');
      await t.dataSource
        .transaction(async (manager) => {
          await t.outbox.enqueue(manager, {
            to: 'rolled-back@example.ml',
            template: 'auth.magic-link',
            locale: 'fr',
            data: { name: 'X', link: 'https://forum.example.org/a', expiresInMinutes: 5 },
          });
          throw new Error('the use case changed its mind');
        })
        .catch(() => undefined);
      expect(poke).not.toHaveBeenCalled();
      await t.dataSource.transaction(async (manager) => {
        await t.outbox.enqueue(manager, {
          to: 'awa@example.ml',
          template: 'auth.magic-link',
          locale: 'en',
          data: { name: 'Awa', link: 'https://forum.example.org/a', expiresInMinutes: 5 },
        });
        expect(poke).not.toHaveBeenCalled();
      });
      expect(poke).toHaveBeenCalledTimes(1);
      const [mail] = await smtp.waitFor(1, { timeoutMs: 3000 });
      expect(mail.envelopeTo).toEqual(['awa@example.ml']);
    } finally {
      await runner.stop();
    }
  });

  it('keeps a message on a transient failure (451) and retries it later with backoff, same Message-ID', async () => {
    const t = await start({ OUTBOX_RETRY_BASE_MS: '1000' });
    const delivery = t.moduleRef.get(OutboxDelivery);
    smtp.failWith(451, 'Greylisted, try later');
    await t.enqueue('awa@example.ml', 'registration.waitlisted');
    expect(await delivery.drain()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [waiting] = await rowsOf(t.dataSource);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, claimedBy: null });
    expect(String(waiting.lastError)).toContain('Greylisted');
    // Equal jitter on a 1 s base: between 0.5 and 1 s from now.
    const wait = (waiting.nextAttemptAt as Date).getTime() - Date.now();
    expect(wait).toBeGreaterThan(200);
    expect(wait).toBeLessThanOrEqual(1000);
    // Not due yet: nothing happens.
    expect(await delivery.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    smtp.failWith(undefined);
    await sleep(wait + 50);
    expect(await delivery.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [sent] = await rowsOf(t.dataSource);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.messages.map((x) => x.parsed.messageId)).toEqual([waiting.messageId]);
  });

  it('gives up after the maximum number of attempts, with the reason', async () => {
    // The retry comes due 1.5–3 s after the first attempt: a first drain slowed by a loaded machine still ends before it.
    const t = await start({ OUTBOX_MAX_ATTEMPTS: '2', OUTBOX_RETRY_BASE_MS: '3000' });
    const delivery = t.moduleRef.get(OutboxDelivery);
    smtp.failWith(421, 'Service not available');
    await t.enqueue('awa@example.ml', 'registration.reminder');
    expect(await delivery.drain()).toMatchObject({ retried: 1, failed: 0 });
    await sleep(3100);
    expect(await delivery.drain()).toMatchObject({ retried: 0, failed: 1 });
    const [row] = await rowsOf(t.dataSource);
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(String(row.lastError)).toMatch(/Service not available.*after 2 attempts/);
    const metrics = await t.moduleRef.get(MetricsService).text();
    expect(metrics).toMatch(/^palabre_mail_retried_total \d+/m);
    expect(metrics).toMatch(/^palabre_mail_failed_total [1-9]/m);
  });

  it('fails at once on a permanent refusal (550)', async () => {
    const t = await start();
    smtp.failWith(550, 'No such user here');
    await t.enqueue('nobody@example.ml', 'registration.cancelled');
    expect(await t.moduleRef.get(OutboxDelivery).drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [row] = await rowsOf(t.dataSource);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(String(row.lastError)).toContain('No such user here');
  });

  it('fails at once a message that cannot be rendered, and goes on with the others', async () => {
    const t = await start();
    await t.enqueue('bad@example.ml', 'auth.magic-link', { data: { name: 'X', link: 'javascript:alert(1)', expiresInMinutes: 5 } });
    await t.enqueue('good@example.ml', 'auth.magic-link');
    expect(await t.moduleRef.get(OutboxDelivery).drain()).toEqual({ sent: 1, retried: 0, failed: 1 });
    const rows = await rowsOf(t.dataSource);
    expect(rows.map((r) => [r.recipient, r.status])).toEqual([
      ['bad@example.ml', 'failed'],
      ['good@example.ml', 'sent'],
    ]);
    expect(String(rows[0].lastError)).toMatch(/^render: .*absolute/);
  });

  it('takes over a message whose worker died once its lease has run out, and not before', async () => {
    const t = await start();
    await t.enqueue('expired@example.ml', 'auth.magic-link');
    await t.enqueue('leased@example.ml', 'auth.magic-link');
    await t.dataSource.query(
      `UPDATE outbox_messages SET status = 'sending', attempts = 1, claimed_by = 'dead-worker', lease_until = now() - interval '1 second' WHERE recipient = 'expired@example.ml'`,
    );
    await t.dataSource.query(
      `UPDATE outbox_messages SET status = 'sending', attempts = 1, claimed_by = 'live-worker', lease_until = now() + interval '1 hour' WHERE recipient = 'leased@example.ml'`,
    );
    expect(await t.moduleRef.get(OutboxDelivery).drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const rows = await rowsOf(t.dataSource);
    expect(rows.map((r) => [r.recipient, r.status, r.attempts])).toEqual([
      ['expired@example.ml', 'sent', 2],
      ['leased@example.ml', 'sending', 1],
    ]);
    expect(smtp.messages.map((x) => x.envelopeTo[0])).toEqual(['expired@example.ml']);
  });

  it("drops a stale worker's verdict once another worker has taken the row over", async () => {
    const t = await start();
    const repo = t.moduleRef.get(OutboxRepository);
    await t.enqueue('awa@example.ml', 'auth.magic-link');
    const [mine] = await repo.claim(10, 60, 'worker-a');
    await t.dataSource.query(`UPDATE outbox_messages SET lease_until = now() - interval '1 second'`);
    const [theirs] = await repo.claim(10, 60, 'worker-b');
    expect(theirs.id).toBe(mine.id);
    expect(await repo.scheduleRetry(mine.id, 'worker-a', 1000, 'late')).toBe(false);
    expect(await repo.markFailed(mine.id, 'worker-a', 'late')).toBe(false);
    expect((await rowsOf(t.dataSource))[0]).toMatchObject({ status: 'sending', claimedBy: 'worker-b', attempts: 2 });
  });

  /** `count` workers, as that many processes would be (each its own claimant, one database), drain 150 new messages at once. */
  async function drainSideBySide(t: OutboxTestModule, count = 3) {
    await t.dataSource.transaction(async (manager) => {
      for (let i = 0; i < 150; i++) {
        await t.outbox.enqueue(manager, {
          to: `p${String(i).padStart(3, '0')}@example.ml`,
          template: 'auth.magic-link',
          locale: 'fr',
          data: { name: `P${i}`, link: `https://forum.example.org/m/${i}`, expiresInMinutes: 15 },
        });
      }
    });
    const workers = Array.from(
      { length: count },
      () =>
        new OutboxDelivery(
          t.moduleRef.get(OutboxRepository),
          t.moduleRef.get(MailRenderer),
          t.moduleRef.get(MailTransport),
          t.moduleRef.get(SmsTransport),
          t.config,
          t.moduleRef.get(MetricsService),
        ),
    );
    return Promise.all(workers.map((w) => w.drain()));
  }

  itHoldsUnderConcurrency('lets several workers drain the same outbox side by side without sending anything twice', async () => {
    const summaries = await drainSideBySide(await start({ OUTBOX_BATCH_SIZE: '10' }));
    expect(summaries.reduce((n, s) => n + s.sent, 0)).toBe(150);
    expect(summaries.filter((s) => s.sent > 0).length).toBeGreaterThan(1);
    expect(smtp.messages).toHaveLength(150);
    expect(new Set(smtp.messages.map((x) => x.parsed.messageId)).size).toBe(150);
    expect(new Set(smtp.messages.map((x) => x.envelopeTo[0])).size).toBe(150);
  });

  itBreaksWithoutItsLock('outbox-claim', 'workers draining side by side send some messages twice', async () => {
    const t = await start({ OUTBOX_BATCH_SIZE: '10', TEST_WITHOUT_LOCKS: 'outbox-claim' });
    // A race needs two claims to meet: six workers, and up to five rounds until one does.
    for (let round = 0; round < 5 && smtp.messages.length <= 150; round++) {
      await t.dataSource.query('DELETE FROM outbox_messages');
      smtp.messages.length = 0;
      await drainSideBySide(t, 6);
    }
    expect(smtp.messages.length).toBeGreaterThan(150);
  });

  it('sends no faster than MAIL_RATE_PER_MINUTE in one process', async () => {
    const t = await start({ MAIL_RATE_PER_MINUTE: '30' });
    for (let i = 0; i < 3; i++) await t.enqueue(`r${i}@example.ml`, 'auth.magic-link');
    const delivery = t.moduleRef.get(OutboxDelivery);
    // 30 a minute: a burst of one, then one every two seconds (wide enough for a loaded machine
    // to run the second tick before the next one is due).
    const first = Date.now();
    expect(await delivery.tick()).toBe(1);
    expect(await delivery.tick()).toBe(0);
    expect((await delivery.drain()).sent).toBe(2);
    // The third goes out no sooner than four seconds after the first.
    expect(Date.now() - first).toBeGreaterThanOrEqual(3_900);
    expect(smtp.messages).toHaveLength(3);
  });

  it('reports the age of the oldest due message to the readiness check', async () => {
    const t = await start();
    const health = t.moduleRef.get(HealthService);
    expect((await health.readiness()).checks.outbox).toEqual({ ok: true, due: 0, oldestDueAgeSeconds: 0 });
    await t.enqueue('late@example.ml', 'auth.magic-link');
    await t.dataSource.query(`UPDATE outbox_messages SET next_attempt_at = now() - interval '20 minutes'`);
    const ready = await health.readiness();
    expect(ready.ok).toBe(false);
    expect(ready.checks.outbox).toMatchObject({ ok: false, due: 1 });
    expect(ready.checks.outbox.oldestDueAgeSeconds).toBeGreaterThanOrEqual(1200);
    await t.moduleRef.get(OutboxDelivery).drain();
    expect((await health.readiness()).checks.outbox).toMatchObject({ ok: true, due: 0 });
  });
});
