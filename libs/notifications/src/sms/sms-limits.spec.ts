import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, itHoldsUnderConcurrency, TestDatabase } from '@palabre/testing';
import { OutboxTestModule, startOutboxModule } from '../../test/outbox-test-module';
import { OutboxDelivery } from '../delivery/outbox-delivery.job';
import { SmsQueued } from '../outbox/outbox.service';
import { SmsLimits } from './sms-limits';

const cancelled = (n: number) => ({ firstName: `P${n}`, event: { fr: 'Forum' }, link: 'https://forum.example.org/e/forum' });

describe('SMS limits and budget, counted in the transaction that queues the text', () => {
  let db: TestDatabase;
  let t: OutboxTestModule;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), 'palabre-sms-'));
    t = await startOutboxModule(db.url, {
      DATA_DIR: dataDir,
      SMS_LIMIT_PER_PHONE: '3',
      SMS_LIMIT_PER_ADDRESS: '4',
      SMS_LIMIT_PER_PREFIX: '1000',
      SMS_COST_PER_SEGMENT: '25',
      // Ten segments a day.
      SMS_DAILY_BUDGET: '250',
    });
  });
  afterAll(async () => {
    await t?.close();
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const text = (to: string, extra: { clientAddress?: string } = {}): Promise<SmsQueued> =>
    t.dataSource.transaction((manager) =>
      t.outbox.enqueueSms(manager, { to, template: 'sms.cancelled', locale: 'fr', data: cancelled(1), dedupeKey: randomUUID(), ...extra }),
    );

  it('refuses the fourth text to one number and the fifth from one address within the hour, and records them unsent', async () => {
    const toOneNumber = await Promise.all([1, 2, 3, 4].map(() => text('+22366000001')));
    expect(toOneNumber.map((r) => r.refused ?? 'ok').sort()).toEqual(['ok', 'ok', 'ok', 'phone']);
    const fromOneAddress = [];
    for (let i = 0; i < 5; i++) fromOneAddress.push(await text(`+2236600010${i}`, { clientAddress: '203.0.113.7' }));
    expect(fromOneAddress.map((r) => r.refused ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'ok', 'address']);
    const [row] = await t.dataSource.query(`SELECT status, last_error, segments FROM outbox_messages WHERE recipient = '+22366000104'`);
    expect(row).toEqual({ status: 'failed', last_error: 'limit: address', segments: 1 });
  });

  itHoldsUnderConcurrency('spends the day’s budget exactly, however many texts are queued at once', async () => {
    const limits = t.moduleRef.get(SmsLimits);
    const before = (await limits.budgetToday()).used;
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => text(`+2237700${String(i).padStart(4, '0')}`)));
    const queued = results.filter((r) => r.queued).length;
    expect(before + queued).toBe(10);
    expect(results.filter((r) => r.refused === 'budget')).toHaveLength(30 - queued);
    expect(await limits.budgetToday()).toMatchObject({ used: 10, limit: 10, stopped: true });
  });

  it('writes each text the file transport sends as a file under DATA_DIR/sms, recipient first', async () => {
    await t.moduleRef.get(OutboxDelivery).drain();
    const files = readdirSync(path.join(dataDir, 'sms')).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBe(10);
    const one = readFileSync(path.join(dataDir, 'sms', files[0]), 'utf8');
    expect(one).toMatch(
      /^To: \+223(66|77)\d{6}\nFrom: Palabre\n\nP1, votre inscription à Forum est annulée\. Pour vous réinscrire : https:\/\/forum\.example\.org\/e\/forum\n$/,
    );
  });
});
