import { randomUUID } from 'node:crypto';
import { JobRunner } from '@palabre/platform';
import { createTestDatabase, SmtpTestServer, startSmtpServer, TestDatabase } from '@palabre/testing';
import { EXAMPLES, OutboxTestModule, rowsOf, startOutboxModule } from '../../test/outbox-test-module';
import { OutboxDelivery } from '../delivery/outbox-delivery.job';
import { DeliveryLogService } from './delivery-log.service';
import { NotificationError } from './notification.errors';

describe('the delivery log of an organization', () => {
  let db: TestDatabase;
  let smtp: SmtpTestServer;
  let t: OutboxTestModule;
  let log: DeliveryLogService;

  beforeAll(async () => {
    [db, smtp] = await Promise.all([createTestDatabase(), startSmtpServer()]);
    t = await startOutboxModule(db.url, { SMTP_URL: smtp.url, OUTBOX_MAX_ATTEMPTS: '1' });
    log = t.moduleRef.get(DeliveryLogService);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await db?.close();
  });

  /** A fresh organization per test: its mail, some sent, one refused for good, one waiting. */
  async function anOrganizationWithMail() {
    const org = randomUUID();
    const other = randomUUID();
    smtp.failWith(undefined);
    for (const to of ['awa@example.ml', 'moussa@example.ml', 'fatou@jeunesse.ml']) await t.enqueue(to, 'registration.confirmed', { organizationId: org });
    await t.enqueue('awa@other.org', 'registration.confirmed', { organizationId: other });
    await t.moduleRef.get(OutboxDelivery).drain();
    smtp.failWith(550, 'Mailbox unavailable');
    // A message without a sign-in link: one with a link loses it on failure and is resent by a new link instead.
    await t.enqueue('bounce@example.ml', 'program.change', { organizationId: org });
    await t.moduleRef.get(OutboxDelivery).drain();
    smtp.failWith(undefined);
    await t.outbox.enqueue(t.dataSource.manager, {
      to: 'later@example.ml',
      template: 'registration.reminder',
      locale: 'en',
      data: EXAMPLES['registration.reminder'],
      organizationId: org,
      notBefore: new Date(Date.now() + 86_400_000),
    });
    return { org, other };
  }

  it('lists its own messages only, newest first, with state, attempts and last error', async () => {
    const { org, other } = await anOrganizationWithMail();
    const page = await log.list(org);
    expect(page.total).toBe(5);
    expect(page.items.map((i) => i.to)).not.toContain('awa@other.org');
    expect(page.items[0]).toMatchObject({ to: 'later@example.ml', status: 'queued', attempts: 0, template: 'registration.reminder', locale: 'en' });
    const bounce = page.items.find((i) => i.to === 'bounce@example.ml')!;
    expect(bounce).toMatchObject({ status: 'failed', attempts: 1 });
    expect(bounce.lastError).toContain('Mailbox unavailable');
    expect(page.counts).toEqual({ queued: 1, sending: 0, sent: 3, failed: 1 });
    expect((await log.list(other)).items.map((i) => i.to)).toEqual(['awa@other.org']);
  });

  it('filters by state and by part of the recipient, and pages', async () => {
    const { org } = await anOrganizationWithMail();
    expect((await log.list(org, { status: 'sent' })).items.map((i) => i.to).sort()).toEqual(['awa@example.ml', 'fatou@jeunesse.ml', 'moussa@example.ml']);
    expect((await log.list(org, { status: 'failed' })).items.map((i) => i.to)).toEqual(['bounce@example.ml']);
    expect((await log.list(org, { q: 'JEUNESSE' })).items.map((i) => i.to)).toEqual(['fatou@jeunesse.ml']);
    // LIKE wildcards typed by the user are matched literally.
    expect((await log.list(org, { q: '%' })).total).toBe(0);
    expect((await log.list(org, { q: '_' })).total).toBe(0);
    const p1 = await log.list(org, { page: 1, pageSize: 2 });
    const p3 = await log.list(org, { page: 3, pageSize: 2 });
    expect([p1.items.length, p3.items.length, p1.total, p3.pageSize]).toEqual([2, 1, 5, 2]);
    const all = [...p1.items, ...(await log.list(org, { page: 2, pageSize: 2 })).items, ...p3.items].map((i) => i.id);
    expect(new Set(all).size).toBe(5);
  });

  it('resends a failed message with its attempts reset and the same Message-ID, and the worker delivers it', async () => {
    const { org } = await anOrganizationWithMail();
    const failed = (await log.list(org, { status: 'failed' })).items[0];
    const poke = jest.spyOn(t.moduleRef.get(JobRunner), 'poke');
    const requeued = await log.resend(org, failed.id);
    expect(requeued).toMatchObject({ id: failed.id, status: 'queued', attempts: 0, messageId: failed.messageId });
    expect(poke).toHaveBeenCalledWith('outbox');
    smtp.messages.length = 0;
    await t.moduleRef.get(OutboxDelivery).drain();
    expect(smtp.messages.map((m) => [m.envelopeTo[0], m.parsed.messageId])).toEqual([['bounce@example.ml', failed.messageId]]);
    expect((await rowsOf(t.dataSource, `id = '${failed.id}'`))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it("refuses to resend another organization's message, as if it did not exist", async () => {
    const { org, other } = await anOrganizationWithMail();
    const failed = (await log.list(org, { status: 'failed' })).items[0];
    await expect(log.resend(other, failed.id)).rejects.toMatchObject({ code: 'MAIL_NOT_FOUND' });
    await expect(log.resend(org, randomUUID())).rejects.toBeInstanceOf(NotificationError);
    await expect(log.resend(org, 'not-a-uuid')).rejects.toMatchObject({ code: 'MAIL_NOT_FOUND' });
    expect((await log.list(org, { status: 'failed' })).total).toBe(1);
  });

  it('refuses to resend a message that did not fail', async () => {
    const { org } = await anOrganizationWithMail();
    const sent = (await log.list(org, { status: 'sent' })).items[0];
    await expect(log.resend(org, sent.id)).rejects.toMatchObject({ code: 'MAIL_NOT_RESENDABLE', params: { status: 'sent' } });
  });
});
