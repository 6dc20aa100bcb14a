'use strict';
/**
 * bench/program — the public program under load.
 *
 * Starts the built api on a fresh embedded database with the demo forum, captures the exact
 * bytes of the program page and of /api/v1/events/{slug}/sessions (compressed as a phone
 * would ask), and serves those same bytes from a bare Fastify process: the same-run baseline.
 * For each path it offers a fixed rate (default 1,000 req/s) to both and reports p50/p99, then
 * saturates both with 32 connections and reports the throughput ratio app / bare. The machine
 * is shared, so both are measured in short alternating windows (app, bare, bare, app, …): a
 * burst from another job falls on both sides alike instead of on whichever ran at the time.
 *
 *   npm run bench:program [-- --rate 1000 --seconds 10]
 */
const http = require('node:http');
const { writeFileSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { offeredLoad, saturate, percentile } = require('./lib/load');
const { build, startApi, startScript } = require('./lib/processes');

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

function rawGet(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip, br', accept: 'text/html,application/json' } }, (res) => {
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
  const api = await startApi();
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
        await saturate({ url: base + r.path, connections: 16, durationMs: 1500 }); // warm-up
      }
      // SECONDS of offered load per server in 2 s windows, then 5 s of saturation each in 1 s windows.
      const windows = Math.max(1, Math.round(SECONDS / 2));
      const [appOffered, bareOffered] = (
        await interleaved([api.url, bare.url], windows, (base) => offeredLoad({ url: base + r.path, rate: RATE, durationMs: (SECONDS * 1000) / windows }))
      ).map((w) => mergeOffered(w, SECONDS));
      const [appMax, bareMax] = (await interleaved([api.url, bare.url], 5, (base) => saturate({ url: base + r.path, connections: 32, durationMs: 1000 }))).map(
        (w) => ({
          rps: w.reduce((a, x) => a + x.completed, 0) / w.reduce((a, x) => a + x.completed / x.rps, 0),
        }),
      );
      results.push({ r, appOffered, bareOffered, appMax, bareMax });
    }
  } finally {
    await bare.stop();
    await api.stop();
  }
  console.log(`\nbench/program — ${RATE} req/s offered for ${SECONDS} s, then saturation with 32 connections (2 cores, client on the same machine)\n`);
  console.log('| path | bytes (compressed) | server | served req/s at offered rate | p50 ms | p99 ms | non-200 | max req/s | ratio app/bare |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  let pass = true;
  for (const { r, appOffered, bareOffered, appMax, bareMax } of results) {
    const ratio = appMax.rps / bareMax.rps;
    const non200 = (x) =>
      x.errors +
      Object.entries(x.statuses)
        .filter(([s]) => s !== '200')
        .reduce((a, [, n]) => a + n, 0);
    console.log(
      `| ${r.path} | ${r.bytes} (${r.encoding ?? 'identity'}) | palabre | ${fmt(appOffered.rps, 0)} | ${fmt(appOffered.p50)} | ${fmt(appOffered.p99)} | ${non200(appOffered)} | ${fmt(appMax.rps, 0)} | ${fmt(ratio, 2)} |`,
    );
    console.log(
      `| | | bare fastify | ${fmt(bareOffered.rps, 0)} | ${fmt(bareOffered.p50)} | ${fmt(bareOffered.p99)} | ${non200(bareOffered)} | ${fmt(bareMax.rps, 0)} | 1.00 |`,
    );
    if (!(appOffered.p99 <= 50) || !(ratio >= 0.7) || non200(appOffered) > 0) pass = false;
  }
  console.log(
    `\nbars: p99 ≤ 50 ms at ${RATE} req/s offered, max throughput ≥ 0.7 of bare Fastify serving the same bytes, no error — ${pass ? 'met' : 'NOT met'}`,
  );
  process.exitCode = pass ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
