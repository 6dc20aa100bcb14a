'use strict';
/**
 * Mail drain benchmark: messages per second from the outbox to a local SMTP server, against a
 * bare nodemailer pooled loop sending the same rendered message to the same server in the same
 * run. Run with `npm run bench:mail` (it builds first); `-- --messages 3000` to change the count.
 * With DATABASE_URL set, the outbox lives in a scratch database on that server; otherwise in
 * an embedded PostgreSQL, as `npm start` runs.
 *
 * The bar (docs: quality.md): the outbox path ≥ 0.5 of the bare loop, and ≥ 300 messages/s.
 */
require('reflect-metadata');
const { startSink } = require('./lib/processes');
const path = require('node:path');
const { parseArgs } = require('node:util');
const nodemailer = require('nodemailer');
const { Client } = require('pg');

const dist = (p) => path.join(__dirname, '..', 'dist', p);
const { loadConfig, EmbeddedPostgres, runMigrations, JobRunner } = require(dist('libs/platform/src'));
const { MailRenderer, OutboxDelivery, OutboxService, templateExamples } = require(dist('libs/notifications/src'));
const { WorkerModule } = require(dist('apps/worker/src/worker.module'));
const { NestFactory } = require('@nestjs/core');
const { DataSource } = require('typeorm');

const { values } = parseArgs({
  options: { messages: { type: 'string', default: '2000' }, connections: { type: 'string', default: '5' }, 'outbox-only': { type: 'boolean', default: false } },
});
const N = Number(values.messages);
const CONNECTIONS = Number(values.connections);
const PUBLIC_URL = 'https://forum.example.org';

/** The same message the outbox sends: a confirmed registration, HTML + text + .ics. */
function sampleMail(config) {
  const renderer = new MailRenderer(config);
  const data = templateExamples(PUBLIC_URL)['registration.confirmed'];
  return (i) =>
    renderer.render({
      template: 'registration.confirmed',
      locale: 'fr',
      data,
      recipient: `p${i}@example.ml`,
      messageId: `<bench-${i}@forum.example.org>`,
      createdAt: new Date(),
    });
}

async function bareNodemailer(port, count, mailFor) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, pool: true, maxConnections: CONNECTIONS, maxMessages: 1000 });
  const started = performance.now();
  let next = 0;
  // Enough sends in flight to keep every pooled connection busy.
  const loop = async () => {
    while (next < count) {
      const m = mailFor(next++);
      await transport.sendMail({
        from: 'Palabre <no-reply@forum.example.org>',
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        headers: m.headers,
        attachments: m.attachments,
      });
    }
  };
  await Promise.all(Array.from({ length: 50 }, loop));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return count / seconds;
}

async function openDatabase() {
  if (!process.env.DATABASE_URL) {
    const pg = await EmbeddedPostgres.start({ maxConnections: 64 });
    return { url: pg.url, kind: 'embedded', close: () => pg.stop() };
  }
  const name = `palabre_bench_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    kind: `server ${u.host}`,
    async close() {
      const c = new Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

async function outboxPath(port, count) {
  const db = await openDatabase();
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    PUBLIC_URL,
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    DATABASE_URL: db.url,
    SEED_DEMO: 'false',
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, databaseUrl: db.url }), { logger: ['error'] });
  try {
    await runMigrations(app.get(DataSource), { log: () => undefined });
    const ds = app.get(DataSource);
    const outbox = app.get(OutboxService);
    const data = templateExamples(PUBLIC_URL)['registration.confirmed'];
    const enqueueStarted = performance.now();
    for (let i = 0; i < count; i += 500) {
      await ds.transaction(async (manager) => {
        for (let j = i; j < Math.min(count, i + 500); j++)
          await outbox.enqueue(manager, { to: `p${j}@example.ml`, template: 'registration.confirmed', locale: j % 2 ? 'en' : 'fr', data });
      });
    }
    const enqueueRate = count / ((performance.now() - enqueueStarted) / 1000);
    const started = performance.now();
    const summary = await app.get(OutboxDelivery).drain();
    const seconds = (performance.now() - started) / 1000;
    if (summary.sent !== count) throw new Error(`the outbox sent ${summary.sent} of ${count} (${JSON.stringify(summary)})`);
    return { rate: count / seconds, enqueueRate, database: db.kind };
  } finally {
    await app.get(JobRunner).stop();
    await app.close();
    await db.close();
  }
}

async function main() {
  const sink = await startSink();
  if (values['outbox-only']) {
    // For profiling the outbox path alone: no baseline, no ratio.
    const outbox = await outboxPath(sink.port, N);
    await sink.stop();
    process.stdout.write(`outbox → worker → SMTP ${outbox.rate.toFixed(0)} msg/s (${N} messages, database: ${outbox.database})\n`);
    return;
  }
  const mailFor = sampleMail(loadConfig({ PUBLIC_URL }));
  await bareNodemailer(sink.port, Math.min(300, N), mailFor); // warm-up: connections, JIT
  const before = await sink.count();
  // The baseline brackets the outbox run (before and after), since the load of a shared machine drifts.
  const bareBefore = await bareNodemailer(sink.port, N, mailFor);
  const outbox = await outboxPath(sink.port, N);
  const bareAfter = await bareNodemailer(sink.port, N, mailFor);
  const accepted = (await sink.count()) - before;
  await sink.stop();
  if (accepted !== 3 * N) throw new Error(`the SMTP server accepted ${accepted} messages, expected ${3 * N}`);
  const bare = (bareBefore + bareAfter) / 2;
  const ratio = outbox.rate / bare;
  const ok = ratio >= 0.5;
  const f = (x) => x.toFixed(0).padStart(6);
  process.stdout.write(
    [
      `mail drain: ${N} messages (confirmed registration with .ics, ~${Math.round(Buffer.byteLength(mailFor(0).html) / 1024)} KB HTML), ${CONNECTIONS} pooled SMTP connections, database: ${outbox.database}`,
      `  bare nodemailer pooled loop  ${f(bare)} msg/s   (before ${f(bareBefore).trim()}, after ${f(bareAfter).trim()})`,
      `  outbox → worker → SMTP       ${f(outbox.rate)} msg/s   (enqueue beforehand: ${f(outbox.enqueueRate).trim()} rows/s)`,
      `  ratio                        ${ratio.toFixed(2)}   bar ≥ 0.50: ${ok ? 'PASS' : 'FAIL'}`,
      `  absolute                     ${outbox.rate >= 300 ? 'at or above' : 'below'} the 300 msg/s of quality.md${bare < 300 ? ' (so is the bare loop on this machine right now)' : ''}`,
      '',
    ].join('\n'),
  );
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
