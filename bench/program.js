'use strict';
/**
 * bench/program — the public program under load.
 *
 * Starts the built api with the demo forum — on a fresh embedded database (`npm start`), or with
 * `--database server` on a scratch database of the PostgreSQL server (BENCH_DATABASE_URL, as a
 * deployment runs) — captures the exact bytes of the program page and of
 * /api/v1/events/{slug}/sessions (compressed as a phone would ask), and serves those same bytes
 * from a bare Fastify process: the same-run baseline. For each path it offers a fixed rate
 * (default 1,000 req/s) to both and reports p50/p99, then saturates both with 32 connections and
 * reports the throughput ratio app / bare and each server's CPU per answer (from /proc). The
 * machine is shared, so both are measured in short alternating windows (app, bare, bare, app,
 * …): a burst from another job falls on both sides alike instead of on whichever ran at the
 * time, and the ratio is the median of the windows' ratios (each app window against the bare
 * window next to it). Bars (issue 14): p99 within 3× of bare Fastify's, throughput ≥ 0.9 of it.
 *
 *   npm run bench:program [-- --rate 1000 --seconds 10 --windows 10 --database embedded|server]
 *
 * BENCH_API_ENV='{"WORKER_IN_PROCESS":"false"}' adds to the api's environment (to measure a variant).
 */
const http = require('node:http');
const { writeFileSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { offeredLoad, saturate, percentile } = require('./lib/load');
const { build, cpuSeconds, startApi, startScript } = require('./lib/processes');
const { SERVER, withDatabase, admin } = require('./lib/scratch');

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .join(' ')
    .split('--')
    .filter(Boolean)
    .map((a) => a.trim().split(/\s+/)),
);
const RATE = Number(args.rate ?? 1000);
const SECONDS = Number(args.seconds ?? 10);
const SLUG = args.slug ?? 'forum-job-cluster';
const PATHS = (args.paths ?? `/e/${SLUG}/programme,/api/v1/events/${SLUG}/sessions`).split(',');
const WINDOWS = Number(args.windows ?? 10);
/** Every request carries a phone's language preferences, as a browser in Bamako sends them. */
const ACCEPT_LANGUAGE = 'fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7';
const LANGUAGE = { 'accept-language': ACCEPT_LANGUAGE };
const DATABASE = args.database ?? 'embedded';
if (!['embedded', 'server'].includes(DATABASE)) throw new Error('--database embedded|server');
/** The bars of issue 14: p99 at the offered rate within this many times bare Fastify's, and this share of its throughput. */
const P99_TIMES = 3;
const MIN_RATIO = 0.9;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function rawGet(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip, br', accept: 'text/html,application/json', 'accept-language': ACCEPT_LANGUAGE } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');

/** Runs `measure` for each server in alternating windows (ABBA…) and merges each one's windows. */
async function interleaved(servers, windows, measure) {
  const runs = servers.map(() => []);
  for (let w = 0; w < windows; w++) {
    const order = w % 2 === 0 ? servers.map((_, i) => i) : servers.map((_, i) => i).reverse();
    for (const i of order) runs[i].push(await measure(servers[i]));
  }
  return runs;
}

/** Windows of one offered-load run merged: rate served, latency percentiles over every request, failures. */
function mergeOffered(windows, seconds) {
  const latencies = windows.flatMap((w) => w.latencies).sort((a, b) => a - b);
  const statuses = {};
  for (const w of windows) for (const [k, n] of Object.entries(w.statuses)) statuses[k] = (statuses[k] ?? 0) + n;
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: windows.reduce((a, w) => a + w.errors, 0),
    statuses,
  };
}

async function main() {
  if (!args['no-build']) build();
  const scratch = `palabre_bench_program_${process.pid}`;
  let databaseUrl;
  if (DATABASE === 'server') {
    await admin(`CREATE DATABASE ${scratch}`);
    databaseUrl = withDatabase(SERVER, scratch);
  }
  const api = await startApi({
    env: { ...(databaseUrl ? { DATABASE_URL: databaseUrl, SEED_DEMO: 'true' } : {}), ...JSON.parse(process.env.BENCH_API_ENV ?? '{}') },
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'palabre-bench-bytes-'));
  const routes = [];
  for (const p of PATHS) {
    const r = await rawGet(api.url + p);
    if (r.status !== 200) throw new Error(`${p}: ${r.status}`);
    const file = path.join(dir, `${routes.length}.bin`);
    writeFileSync(file, r.body);
    routes.push({ path: p, file, type: r.headers['content-type'], encoding: r.headers['content-encoding'] ?? null, bytes: r.body.length });
  }
  const bareCode = `
    const fastify = require('fastify')();
    const { readFileSync } = require('node:fs');
    for (const r of ${JSON.stringify(routes)}) {
      const body = readFileSync(r.file);
      fastify.get(r.path, (req, reply) => {
        reply.header('content-type', r.type);
        if (r.encoding) reply.header('content-encoding', r.encoding);
        reply.send(body);
      });
    }
    fastify.get('/__ready', (req, reply) => reply.send('ok'));
    fastify.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
    process.on('SIGTERM', () => fastify.close().then(() => process.exit(0)));`;
  const bare = await startScript({ code: bareCode, readyPath: '/__ready' });
  const results = [];
  try {
    for (const r of routes) {
      for (const [name, base] of [
        ['palabre', api.url],
        ['bare fastify', bare.url],
      ]) {
        await saturate({ url: base + r.path, connections: 16, durationMs: 1500, headers: LANGUAGE }); // warm-up
      }
      // SECONDS of offered load per server in 2 s windows, then 5 s of saturation each in 1 s windows.
      const windows = Math.max(1, Math.round(SECONDS / 2));
      const [appOffered, bareOffered] = (
        await interleaved([api.url, bare.url], windows, (base) =>
          offeredLoad({ url: base + r.path, rate: RATE, durationMs: (SECONDS * 1000) / windows, headers: LANGUAGE }),
        )
      ).map((w) => mergeOffered(w, SECONDS));
      // Saturation: WINDOWS 1 s windows each, alternating; each server's CPU per answer from /proc.
      const pids = { [api.url]: api.pid, [bare.url]: bare.pid };
      const [appWindows, bareWindows] = await interleaved([api.url, bare.url], WINDOWS, async (base) => {
        const before = cpuSeconds(pids[base]);
        const w = await saturate({ url: base + r.path, connections: 32, durationMs: 1000, headers: LANGUAGE });
        return { ...w, cpuPerAnswer: ((cpuSeconds(pids[base]) - before) * 1e6) / w.completed };
      });
      const summary = (ws) => ({
        rps: ws.reduce((a, x) => a + x.completed, 0) / ws.reduce((a, x) => a + x.completed / x.rps, 0),
        cpu: ws.reduce((a, x) => a + x.cpuPerAnswer * x.completed, 0) / ws.reduce((a, x) => a + x.completed, 0),
      });
      const appMax = summary(appWindows);
      const bareMax = summary(bareWindows);
      appMax.ratio = median(appWindows.map((w, i) => w.rps / bareWindows[i].rps));
      results.push({ r, appOffered, bareOffered, appMax, bareMax });
    }
  } finally {
    await bare.stop();
    await api.stop();
    if (DATABASE === 'server') await admin(`DROP DATABASE IF EXISTS ${scratch}`);
  }
  const where = DATABASE === 'server' ? `PostgreSQL ${new URL(SERVER).host} (scratch database)` : 'the embedded database';
  console.log(
    `\nbench/program — the api on ${where}; ${RATE} req/s offered for ${SECONDS} s, then saturation with 32 connections in ${WINDOWS} windows of 1 s (2 cores, client on the same machine)\n`,
  );
  console.log(
    '| path | bytes (compressed) | server | served req/s at offered rate | p50 ms | p99 ms | non-200 | max req/s | CPU µs per answer | ratio app/bare (median of windows) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  let pass = true;
  for (const { r, appOffered, bareOffered, appMax, bareMax } of results) {
    const non200 = (x) =>
      x.errors +
      Object.entries(x.statuses)
        .filter(([s]) => s !== '200')
        .reduce((a, [, n]) => a + n, 0);
    console.log(
      `| ${r.path} | ${r.bytes} (${r.encoding ?? 'identity'}) | palabre | ${fmt(appOffered.rps, 0)} | ${fmt(appOffered.p50)} | ${fmt(appOffered.p99)} (${fmt(appOffered.p99 / bareOffered.p99)}×) | ${non200(appOffered)} | ${fmt(appMax.rps, 0)} | ${fmt(appMax.cpu)} | ${fmt(appMax.ratio, 2)} |`,
    );
    console.log(
      `| | | bare fastify | ${fmt(bareOffered.rps, 0)} | ${fmt(bareOffered.p50)} | ${fmt(bareOffered.p99)} | ${non200(bareOffered)} | ${fmt(bareMax.rps, 0)} | ${fmt(bareMax.cpu)} | 1.00 |`,
    );
    if (!(appOffered.p99 <= P99_TIMES * bareOffered.p99) || !(appMax.ratio >= MIN_RATIO) || non200(appOffered) > 0) pass = false;
  }
  console.log(
    `\nbars: p99 within ${P99_TIMES}× of bare Fastify's at ${RATE} req/s offered, max throughput ≥ ${MIN_RATIO} of bare Fastify serving the same bytes, no error — ${pass ? 'met' : 'NOT met'}`,
  );
  process.exitCode = pass ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
