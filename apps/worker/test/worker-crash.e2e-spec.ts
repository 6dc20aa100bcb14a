import { ConsoleLogger } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig, PlatformModule } from '@palabre/platform';
import { NotificationsModule, OutboxService } from '@palabre/notifications';
import { createTestDatabase, SmtpTestServer, startSmtpServer, TestDatabase } from '@palabre/testing';

/*
 * Rule 8 under a crash: a real worker process, killed with SIGKILL in the middle of draining
 * 1,000 messages, then a fresh one. Every message arrives; a copy sent twice carries the same
 * Message-ID as the first. The built worker runs as production runs it (node dist/...).
 */
const ROOT = path.resolve(__dirname, '../../..');
const PUBLIC_URL = 'https://forum.example.org';
const COUNT = 1000;

interface Proc {
  child: ChildProcess;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(script: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [path.join(ROOT, script), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout.on('data', (b: Buffer) => output.push(b.toString()));
  child.stderr.on('data', (b: Buffer) => output.push(b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output, exited };
}

describe('a worker killed while it drains the outbox', () => {
  let db: TestDatabase;
  let smtp: SmtpTestServer;
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let outbox: OutboxService;
  let dataDir: string;
  const procs: Proc[] = [];

  const workerEnv = () => ({
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    SMTP_URL: smtp.url,
    PUBLIC_URL,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    // A short lease, so the next worker takes the dead one's messages over quickly.
    OUTBOX_LEASE_SECONDS: '2',
    OUTBOX_POLL_MS: '100',
    OUTBOX_BATCH_SIZE: '25',
  });

  beforeAll(async () => {
    // The worker as it ships: dist/ is compiled by the same build as production (test/global-setup.ts).
    [db, smtp] = await Promise.all([createTestDatabase(), startSmtpServer()]);
    dataDir = mkdtempSync(path.join(tmpdir(), 'palabre-worker-'));
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL, SMTP_URL: smtp.url, DATA_DIR: dataDir });
    moduleRef = await Test.createTestingModule({ imports: [PlatformModule.forRoot({ config, databaseUrl: db.url }), NotificationsModule] })
      .setLogger(new ConsoleLogger({ logLevels: ['fatal'] }))
      .compile();
    await moduleRef.init();
    dataSource = moduleRef.get(DataSource);
    outbox = moduleRef.get(OutboxService);
  }, 240_000);

  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await moduleRef?.close();
    await smtp?.close();
    await db?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function enqueue(prefix: string, n: number): Promise<void> {
    await dataSource.transaction(async (manager) => {
      for (let i = 0; i < n; i++) {
        const id = String(i).padStart(4, '0');
        await outbox.enqueue(manager, {
          to: `${prefix}${id}@example.ml`,
          template: 'auth.magic-link',
          locale: i % 2 ? 'en' : 'fr',
          data: { name: `P${id}`, link: `${PUBLIC_URL}/auth/magic/${prefix}${id}`, expiresInMinutes: 15 },
        });
      }
    });
  }

  it('delivers every message after a SIGKILL and a restart; duplicates carry the first copy’s Message-ID', async () => {
    await enqueue('p', COUNT);
    const first = run('dist/apps/worker/src/main.js', [], workerEnv());
    procs.push(first);
    await smtp.waitFor(150, { timeoutMs: 60_000 }).catch((e: Error) => {
      throw new Error(`${e.message}\nworker output:\n${first.output.join('')}`);
    });
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const atKill = await dataSource.query<{ status: string; n: number }[]>(`SELECT status, count(*)::int AS n FROM outbox_messages GROUP BY status`);
    const count = (s: string) => atKill.find((r) => r.status === s)?.n ?? 0;
    // Killed in the middle: some mail out, some still queued, a batch leased to the dead worker.
    expect(count('sent')).toBeGreaterThan(0);
    expect(count('queued')).toBeGreaterThan(0);
    expect(count('sending')).toBeGreaterThan(0);

    const second = run('dist/apps/worker/src/main.js', [], workerEnv());
    procs.push(second);
    const unique = () => new Set(smtp.messages.map((m) => m.parsed.messageId)).size;
    const deadline = Date.now() + 90_000;
    while (unique() < COUNT && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (unique() < COUNT) throw new Error(`only ${unique()} of ${COUNT} arrived\nworker output:\n${second.output.join('')}`);
    // The lease of the dead worker's batch has run out and the second worker recorded it sent.
    for (let i = 0; i < 100; i++) {
      const left = await dataSource.query<unknown[]>(`SELECT 1 FROM outbox_messages WHERE status <> 'sent'`);
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    const rows = await dataSource.query<{ recipient: string; message_id: string; status: string; attempts: number }[]>(
      `SELECT recipient, message_id, status, attempts FROM outbox_messages`,
    );
    expect(rows).toHaveLength(COUNT);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    const received = new Map<string, string[]>();
    for (const m of smtp.messages) received.set(m.envelopeTo[0], [...(received.get(m.envelopeTo[0]) ?? []), m.parsed.messageId!]);
    for (const row of rows) {
      const copies = received.get(row.recipient) ?? [];
      expect({ to: row.recipient, copies: copies.length > 0 }).toEqual({ to: row.recipient, copies: true });
      for (const id of copies) expect(id).toBe(row.message_id);
    }
    const duplicates = smtp.messages.length - COUNT;
    // Only what was in flight when the first worker died can go twice.
    expect(duplicates).toBeLessThanOrEqual(25);
    process.stdout.write(
      `[worker crash] ${count('sent')} sent before SIGKILL, ${count('sending')} leased to the dead worker, ${duplicates} duplicate(s) after restart\n`,
    );

    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  }, 180_000);

  it('outbox:drain sends what is due and exits', async () => {
    smtp.messages.length = 0;
    await enqueue('cli', 5);
    const cli = run('dist/apps/cli/src/main.js', ['outbox:drain'], { ...workerEnv(), NODE_ENV: 'test' });
    procs.push(cli);
    const { code } = await cli.exited;
    expect({ code, output: cli.output.join('') }).toEqual({ code: 0, output: expect.stringContaining('outbox:drain: 5 sent, 0 to retry later, 0 failed') });
    expect(smtp.messages.map((m) => m.envelopeTo[0]).sort()).toEqual(['cli0000', 'cli0001', 'cli0002', 'cli0003', 'cli0004'].map((p) => `${p}@example.ml`));
  }, 60_000);
});
