'use strict';
/**
 * bench/registration — the registration rush (issue 10).
 *
 * Creates a scratch database on a PostgreSQL server (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; dropped at the end), starts two built api
 * processes on it (RATE_LIMITS=off, LOG_LEVEL=warn, mail to an SMTP sink), an organizer (CLI)
 * and one published event open for registration, then:
 *
 *  (a) a rush: N registrations at one event as fast as the two processes take them
 *      (`--concurrency` requests in flight, split between the processes) → registrations/s,
 *      p50/p99;
 *  (b) 100 registrations/s offered (open loop, fixed arrival rate) → p99 (bar ≤ 300 ms);
 *  (c) the same-run baseline: pgbench replaying the SQL one registration executes — captured
 *      from a third api process (bench/lib/capture-sql.js) while it registers one person — with
 *      fresh emails, codes and ids in every transaction, at the same concurrency → tps. The
 *      ratio app / pgbench must be ≥ 0.6. pgbench runs before and after the rush (the load of a
 *      shared machine drifts), the rush in between.
 *
 * Afterwards the outbox is drained to the sink (`outbox:drain`) and every registration's email
 * is counted. `--worker in-process` runs the mail worker inside the api processes during the
 * measurements instead (as `npm start` does).
 *
 *   npm run bench:registration [-- --registrations 2000 --concurrency 20 --rate 100 --seconds 10 --processes 2]
 */
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync, writeFileSync, rmSync } = require('node:fs');
const http = require('node:http');
const { loadavg, tmpdir } = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { Client } = require('pg');
const { offeredLoad, percentile } = require('./lib/load');
const { ROOT, cpuSeconds, startApi, startSink } = require('./lib/processes');
const { SERVER, PUBLIC_URL, withDatabase, admin, call, cli, setUp, body } = require('./lib/scratch');

const { values } = parseArgs({
  options: {
    registrations: { type: 'string', default: '2000' },
    /** api processes sharing the rush (README, "Scaling out": 1 against 2). */
    processes: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '20' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    'pgbench-seconds': { type: 'string', default: '8' },
    worker: { type: 'string', default: 'after' },
    'keep-script': { type: 'boolean', default: false },
    'script-only': { type: 'boolean', default: false },
    /** For profiling, e.g. `--node-args="--cpu-prof --cpu-prof-dir=/tmp/prof"`: node's own flags for the two api processes. */
    'node-args': { type: 'string', default: '' },
  },
});
const N = Number(values.registrations);
const PROCESSES = Number(values.processes);
const CONCURRENCY = Number(values.concurrency);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const PGBENCH_SECONDS = Number(values['pgbench-seconds']);
const WORKER_IN_PROCESS = values.worker === 'in-process';
const PGBENCH = process.env.PGBENCH || '/usr/bin/pgbench';

/** One POST; resolves with its status and latency. */
function postOnce(agent, base, pathname, payload) {
  const target = new URL(base);
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request(
      {
        agent,
        hostname: target.hostname,
        port: target.port,
        path: pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t0 }));
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    req.end(payload);
  });
}

/** (a) N registrations, `concurrency` in flight, alternately through each process. */
async function rush(apis, slug, count, concurrency, prefix) {
  const agents = apis.map(() => new http.Agent({ keepAlive: true, maxSockets: concurrency }));
  const latencies = [];
  const statuses = {};
  let next = 0;
  const started = performance.now();
  const cpuBefore = apis.reduce((a, api) => a + cpuSeconds(api.pid), 0);
  const worker = async (w) => {
    for (;;) {
      const i = next++;
      if (i >= count) return;
      const k = (i + w) % apis.length;
      const r = await postOnce(agents[k], apis[k].url, `/api/v1/events/${slug}/registrations`, body(i, prefix));
      latencies.push(r.ms);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = ((apis.reduce((a, api) => a + cpuSeconds(api.pid), 0) - cpuBefore) * 1000) / count;
  agents.forEach((a) => a.destroy());
  latencies.sort((a, b) => a - b);
  return { rate: count / seconds, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses, cpuMs };
}

/** (b) A fixed arrival rate, half to each process. */
async function offered(apis, slug, rate, seconds, prefix) {
  const runs = await Promise.all(
    apis.map((api, k) =>
      offeredLoad({
        url: `${api.url}/api/v1/events/${slug}/registrations`,
        method: 'POST',
        rate: rate / apis.length,
        durationMs: seconds * 1000,
        body: (i) => body(i, `${prefix}${k}`),
      }),
    ),
  );
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const statuses = {};
  for (const r of runs) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
  return {
    sent: runs.reduce((a, r) => a + r.sent, 0),
    rps: runs.reduce((a, r) => a + r.rps, 0),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    statuses,
  };
}

// ---------------------------------------------------------------------------------------------
// (c) The same SQL through pgbench.

/** A JavaScript parameter value as an SQL literal. */
function literal(v) {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return literal(`{${v.map((x) => `"${String(x).replace(/(["\\])/g, '\\$1')}"`).join(',')}}`);
  if (typeof v === 'object') return literal(JSON.stringify(v));
  const text = String(v);
  // pgbench reads `:name` as a variable even inside quotes (a time's `:05`): such colons are written as an escape.
  if (/:\w/.test(text))
    return `E'${text
      .replace(/\\/g, '\\\\')
      .replace(/'/g, "\\'")
      .replace(/:(?=\w)/g, '\\x3a')}'`;
  return `'${text.replace(/'/g, "''")}'`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_IN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Values a registration makes up (hashes of tokens, references, ticket codes): fresh in each replayed transaction. */
const RANDOM = [/^[0-9a-f]{64}$/, /^[2-9A-HJ-NP-Z]{8}$/, /^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/];

/**
 * The captured statements of one registration as a pgbench script. Constants (the event, the
 * organization, timestamps, texts) stay as they were; what must differ in every transaction
 * becomes an expression of the transaction's random number `:n`: the email, the ids and codes
 * the app makes up, and the ids the database returned (kept with `\gset`).
 */
function pgbenchScript(statements, email, constants) {
  const madeUp = new Map(); // value → SQL expression
  const returned = new Map(); // value → pgbench variable
  let k = 0;
  const fresh = (value) => {
    if (!madeUp.has(value)) {
      const seed = `md5(:n::text || '-${k++}')`;
      madeUp.set(
        value,
        UUID.test(value)
          ? `${seed}::uuid`
          : /^[0-9a-f]{64}$/.test(value)
            ? `${seed} || ${seed.replace(/'\)$/, "b')")}`
            : value.includes('-')
              ? `upper(substr(${seed}, 1, 4) || '-' || substr(${seed}, 5, 4) || '-' || substr(${seed}, 9, 4) || '-' || substr(${seed}, 13, 4))`
              : `upper(substr(${seed}, 1, ${value.length}))`,
      );
    }
    return madeUp.get(value);
  };
  const expression = (v) => {
    if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return `ARRAY[${v.map(expression).join(', ')}]`;
    if (typeof v !== 'string') return literal(v);
    if (v === email) return `('bench-' || :n::text || '@example.ml')`;
    if (returned.has(v)) return `:${returned.get(v)}`;
    if (constants.has(v)) return literal(v);
    if (UUID.test(v) || RANDOM.some((r) => r.test(v))) return `(${fresh(v)})`;
    // A text holding a made-up or returned value (a dedupe key, a Message-ID): the same text around a fresh one.
    let sql = literal(v);
    const inside = [...new Set([...(v.match(UUID_IN) ?? []), ...[...returned.keys(), ...madeUp.keys()].filter((x) => v.includes(x)), email])].filter(
      (x) => v.includes(x) && !constants.has(x),
    );
    for (const x of inside) {
      const by = x === email ? `('bench-' || :n::text || '@example.ml')` : returned.has(x) ? `:${returned.get(x)}::text` : `(${fresh(x)})::text`;
      sql = `replace(${sql}, ${literal(x)}, ${by})`;
    }
    // A JSON text made by replace() is text: typed back to jsonb (which a text column also takes).
    return inside.length > 0 && /^[[{]/.test(v) ? `${sql}::jsonb` : sql;
  };
  const lines = ['-- One registration, as the api ran it (captured by bench/lib/capture-sql.js).', '\\set n random(1, 1000000000000000)'];
  statements.forEach((s, i) => {
    const sql = s.text.replace(/\$(\d+)/g, (_, d) => expression(s.values[Number(d) - 1]));
    let line = sql.replace(/\s+/g, ' ').trim();
    // Statements the api sent in pipeline mode (before the answer of the one ahead) go out the same way.
    const pipelined = (x) => x?.pipelined === true;
    if (pipelined(s) && !pipelined(statements[i - 1])) lines.push('\\startpipeline');
    // Ids the database returned that a later statement uses: kept in variables.
    const later = statements.slice(i + 1).flatMap((x) => x.values.filter((v) => typeof v === 'string'));
    const row = s.row ?? {};
    // (An id the api made and sent is no database answer: it is made up afresh in each transaction.)
    const kept = Object.entries(row).filter(
      ([, v]) => typeof v === 'string' && UUID.test(v) && !constants.has(v) && !s.values.includes(v) && later.some((x) => x.includes(v)),
    );
    if (kept.length > 0) {
      if (pipelined(s)) throw new Error(`a pipelined statement returns an id a later one uses (pgbench cannot \\gset in a pipeline): ${line.slice(0, 80)}`);
      // \gset ends the command instead of the semicolon.
      lines.push(`${line} \\gset r${i}_`);
      for (const [col, v] of kept) returned.set(v, `r${i}_${col}`);
    } else {
      lines.push(`${line};`);
    }
    if (pipelined(s) && !pipelined(statements[i + 1])) lines.push('\\endpipeline');
  });
  return `${lines.join('\n')}\n`;
}

/** One registration through an api process that writes its SQL down; answers the statements of that request. */
async function capture(databaseUrl, slug, sinkPort) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'palabre-sql-')), 'capture.jsonl');
  writeFileSync(file, '');
  const api = await startApi({
    env: {
      DATABASE_URL: databaseUrl,
      WORKER_IN_PROCESS: 'false',
      SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
      PUBLIC_URL,
      NODE_OPTIONS: `--require ${path.join(__dirname, 'lib/capture-sql.js')}`,
      CAPTURE_SQL_FILE: file,
    },
  });
  try {
    // A first one warms the process up (caches of the event, the release); the second is the one kept.
    await call(api.url, 'POST', `/api/v1/events/${slug}/registrations`, JSON.parse(body(0, 'warm')));
    const from = readFileSync(file, 'utf8').length;
    const email = 'capture-1@example.ml';
    const answer = await call(api.url, 'POST', `/api/v1/events/${slug}/registrations`, JSON.parse(body(1, 'capture')));
    const statements = readFileSync(file, 'utf8')
      .slice(from)
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    return { statements, email, answer };
  } finally {
    await api.stop();
    rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

function pgbench(databaseUrl, scriptFile, clients, seconds) {
  const out = execFileSync(PGBENCH, ['-n', '-M', 'extended', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', scriptFile, databaseUrl], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
  if (!Number.isFinite(tps)) throw new Error(`pgbench said:\n${out}`);
  return { tps, failed, latency };
}

async function rowCount(databaseUrl, sql) {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return (await c.query(sql)).rows[0].n;
  } finally {
    await c.end();
  }
}

async function main() {
  const loadBefore = loadavg()[0];
  const name = `palabre_bench_reg_${Date.now().toString(36)}`;
  const databaseUrl = withDatabase(SERVER, name);
  await admin(`CREATE DATABASE "${name}"`);
  const sink = await startSink();
  const apis = [];
  const scriptDir = mkdtempSync(path.join(tmpdir(), 'palabre-pgbench-'));
  try {
    const env = {
      DATABASE_URL: databaseUrl,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      PUBLIC_URL,
      WORKER_IN_PROCESS: String(WORKER_IN_PROCESS),
    };
    const nodeArgs = values['node-args'].split(' ').filter(Boolean);
    apis.push(await startApi({ env, nodeArgs })); // the first one migrates the empty database
    while (apis.length < PROCESSES) apis.push(await startApi({ env, nodeArgs }));
    const slug = await setUp(apis[0].url, databaseUrl);
    const eventId = await rowCount(databaseUrl, `SELECT id AS n FROM events WHERE slug = '${slug}'`);
    const organizationId = await rowCount(databaseUrl, `SELECT organization_id AS n FROM events WHERE slug = '${slug}'`);

    // (c) The SQL of one registration, as a pgbench script.
    const { statements, email } = await capture(databaseUrl, slug, sink.port);
    const constants = new Set([eventId, organizationId, slug].filter(Boolean));
    const script = pgbenchScript(statements, email, constants);
    const scriptFile = path.join(scriptDir, 'registration.sql');
    writeFileSync(scriptFile, script);
    if (values['keep-script']) writeFileSync(path.join(ROOT, 'var/bench-registration.pgbench.sql'), script);
    if (values['script-only']) {
      process.stdout.write(script);
      return;
    }
    const inTransaction = statements.filter((s) => !/^(START TRANSACTION|BEGIN|COMMIT)/i.test(s.text)).length;
    pgbench(databaseUrl, scriptFile, CONCURRENCY, 2); // warm-up, and proof the script runs

    // Warm-up of the processes, then pgbench / rush / pgbench.
    await rush(apis, slug, Math.min(300, N), CONCURRENCY, 'warmup');
    const before = pgbench(databaseUrl, scriptFile, CONCURRENCY, PGBENCH_SECONDS);
    const a = await rush(apis, slug, N, CONCURRENCY, 'rush');
    const after = pgbench(databaseUrl, scriptFile, CONCURRENCY, PGBENCH_SECONDS);
    // (b) The offered rate.
    const b = await offered(apis, slug, RATE, SECONDS, 'steady');

    const appRows = await rowCount(databaseUrl, `SELECT count(*)::int AS n FROM registrations WHERE email NOT LIKE 'bench-%'`);
    const queued = await rowCount(databaseUrl, `SELECT count(*)::int AS n FROM outbox_messages WHERE recipient NOT LIKE 'bench-%'`);
    // The mail of every registration reaches the SMTP sink (pgbench's rows are deleted first: their data is a copy).
    await admin(`SELECT 1`);
    const c = new Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query(`DELETE FROM outbox_messages WHERE recipient LIKE 'bench-%'`);
    await c.end();
    const sentBefore = await sink.count();
    const drainStarted = performance.now();
    if (!WORKER_IN_PROCESS) cli({ DATABASE_URL: databaseUrl, SMTP_URL: `smtp://127.0.0.1:${sink.port}`, PUBLIC_URL }, ['outbox:drain']);
    else {
      for (let i = 0; i < 600 && (await rowCount(databaseUrl, `SELECT count(*)::int AS n FROM outbox_messages WHERE status <> 'sent'`)) > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    const mailed = (await sink.count()) - sentBefore;
    const totalMailed = await sink.count();

    const baseline = (before.tps + after.tps) / 2;
    const ratio = a.rate / baseline;
    const f = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');
    const non2xx = (s) =>
      Object.entries(s)
        .filter(([k]) => !/^2/.test(k))
        .reduce((x, [, n]) => x + n, 0);
    const passRatio = ratio >= 0.6;
    const passP99 = b.p99 <= 300 && non2xx(b.statuses) === 0 && b.errors === 0;
    const passRush = non2xx(a.statuses) === 0;
    process.stdout.write(
      [
        '',
        `bench/registration — ${PROCESSES === 2 ? 'two api processes' : `${PROCESSES} api process${PROCESSES > 1 ? 'es' : ''}`} on PostgreSQL ${new URL(SERVER).host} (scratch database), ${CONCURRENCY} in flight, mail worker ${WORKER_IN_PROCESS ? 'in the api processes' : 'run after the measurements'}`,
        `  machine: load average ${loadBefore.toFixed(2)} before → ${loadavg()[0].toFixed(2)} after (2 cores shared with other jobs: absolute figures drift, compare the ratio)`,
        `  (a) rush: ${N} registrations at one event   ${f(a.rate)} registrations/s   p50 ${f(a.p50, 1)} ms   p99 ${f(a.p99, 1)} ms   answers ${JSON.stringify(a.statuses)}`,
        `      api processes' CPU: ${f(a.cpuMs, 1)} ms per registration`,
        `  (c) pgbench, the same SQL (${inTransaction} statements, ${CONCURRENCY} clients)   ${f(baseline)} tps   (before ${f(before.tps)}, after ${f(after.tps)}; failed ${before.failed + after.failed})`,
        `      ratio app / pgbench   ${ratio.toFixed(2)}   bar ≥ 0.60: ${passRatio ? 'PASS' : 'FAIL'}`,
        `  (b) ${RATE} registrations/s offered for ${SECONDS} s   served ${f(b.rps)}/s   p50 ${f(b.p50, 1)} ms   p99 ${f(b.p99, 1)} ms   max ${f(b.max, 1)} ms   answers ${JSON.stringify(b.statuses)}${b.errors ? `   errors ${b.errors}` : ''}`,
        `      bar p99 ≤ 300 ms, no error: ${passP99 ? 'PASS' : 'FAIL'}`,
        `  mail: ${appRows} registrations, ${queued} messages queued, ${WORKER_IN_PROCESS ? totalMailed : mailed} accepted by the SMTP sink${WORKER_IN_PROCESS ? '' : ` (outbox:drain, ${f(drainSeconds, 1)} s)`}`,
        '',
      ].join('\n'),
    );
    if ((WORKER_IN_PROCESS ? totalMailed : mailed) < appRows) throw new Error(`${appRows} registrations but only ${mailed} messages reached the sink`);
    process.exitCode = passRatio && passP99 && passRush ? 0 : 1;
  } finally {
    await Promise.all(apis.map((a) => a.stop()));
    await sink.stop();
    rmSync(scriptDir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
