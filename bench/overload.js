'use strict';
/**
 * bench/overload — twice the saturating rate (issue 14).
 *
 * Creates a scratch database on a PostgreSQL server (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; dropped at the end) with the demo forum and an
 * event open for registration, starts one built api process on it (a pool of `--pool` connections,
 * default 4, MAX_IN_FLIGHT its default of 2 per connection, RATE_LIMITS=off, LOG_LEVEL=warn, the
 * mail worker off), then for the
 * registration route and a public page (by default the event's registration form, which every
 * participant of a rush loads before posting it; `--page` to choose another):
 *
 *  1. the saturating rate: a closed loop at full speed (`--connections` in flight) → req/s;
 *  2. 1×: that rate offered (open loop, bench/lib/load.js) → p99, the same-run baseline;
 *  3. 2×: twice that rate offered, over more connections than MAX_IN_FLIGHT → the refused
 *     share (503 + Retry-After), the refusals' p99 (bar ≤ 100 ms), the accepted requests' p99
 *     against the 1× p99, and any other 5xx or failed request (bar: none).
 *
 * Exit code 1 when a bar fails. MAX_IN_FLIGHT and MAX_EVENT_LOOP_DELAY_MS in the environment are
 * given to the api; BENCH_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`) to its node, and
 * BENCH_API_LOG names a file for its output, to look inside a run.
 *
 *   npm run bench:overload [-- --seconds 5 --connections 16 --open-connections 512 --repeat 1 --page /e/… --no-build]
 */
const { loadavg } = require('node:os');
const { parseArgs } = require('node:util');
const { offeredLoad, saturate, percentile } = require('./lib/load');
const { build, startApi, startScript } = require('./lib/processes');
const { SERVER, PUBLIC_URL, withDatabase, admin, setUp, body } = require('./lib/scratch');

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    /** In flight for the saturating rate; by default the api's in-flight limit (MAX_IN_FLIGHT, else 2 × the pool), so that none is refused. */
    connections: { type: 'string' },
    'open-connections': { type: 'string', default: '512' },
    /** The public page: by default the registration form of the event open for registration, which a rush loads before it posts. */
    page: { type: 'string' },
    /**
     * The api's pool (DATABASE_POOL_SIZE; MAX_IN_FLIGHT follows it): PostgreSQL shares this machine's two
     * cores with the api and the client, and connections past twice its cores only queue inside it, where
     * its backends take the CPU the api needs to answer (and to refuse). The README's runbook gives both.
     */
    pool: { type: 'string', default: '4' },
    /** Measure both targets this many times over (one row each): the refusals' tail moves with the shared machine's. */
    repeat: { type: 'string', default: '1' },
    'no-build': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections ?? process.env.MAX_IN_FLIGHT ?? 2 * Number(values.pool));
const OPEN_CONNECTIONS = Number(values['open-connections']);
const REFUSAL_P99_BAR_MS = 100;

const f = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const count = (statuses, test) =>
  Object.entries(statuses)
    .filter(([s]) => test(Number(s)))
    .reduce((a, [, n]) => a + n, 0);
const accepted = (s) => s < 500;

/**
 * The same-run floor of a refusal: a bare Fastify process that answers every request with a
 * 503 at once, probed at PROBE_RATE while the api is at 2×. Its p99 is what the machine (the
 * client, the kernel, the scheduler of two cores shared with the api and PostgreSQL) adds to
 * any answer at that moment: a refusal cannot come faster than that.
 */
const PROBE_RATE = 100;
const REFUSER = `
  const fastify = require('fastify')();
  fastify.get('/ready', (req, reply) => reply.send('ok'));
  fastify.all('/*', (req, reply) => reply.code(503).header('retry-after', '1').type('application/problem+json').send('{"status":503}'));
  fastify.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.on('SIGTERM', () => fastify.close().then(() => process.exit(0)));`;

/** Saturation, then 1× and 2× of it offered: one target's figures. */
async function measure(target, refuser) {
  const load = { url: target.url, method: target.method, body: target.body, headers: target.headers };
  await saturate({ ...load, connections: CONNECTIONS, durationMs: 1500, body: target.body && ((i) => target.body(i, 'warm')) });
  const max = await saturate({ ...load, connections: CONNECTIONS, durationMs: SECONDS * 1000, body: target.body && ((i) => target.body(i, 'max')) });
  // The saturating rate counts what was served: with more connections than MAX_IN_FLIGHT, some of the loop's requests are refused.
  max.rps *= count(max.statuses, (s) => s < 500) / Math.max(1, max.completed);
  const rate = Math.max(1, Math.round(max.rps));
  const offered = (times, prefix) =>
    offeredLoad({
      ...load,
      rate: rate * times,
      durationMs: SECONDS * 1000,
      connections: OPEN_CONNECTIONS,
      body: target.body && ((i) => target.body(i, prefix)),
    });
  const once = await offered(1, 'once');
  const [twice, probe] = await Promise.all([
    offered(2, 'twice'),
    offeredLoad({ url: `${refuser.url}/probe`, rate: PROBE_RATE, durationMs: SECONDS * 1000, connections: 32 }),
  ]);
  const refusals = twice.byStatus[503] ?? [];
  const acceptedLatencies = Object.entries(twice.byStatus)
    .filter(([s]) => accepted(Number(s)))
    .flatMap(([, l]) => l)
    .sort((a, b) => a - b);
  const onceAccepted = Object.entries(once.byStatus)
    .filter(([s]) => accepted(Number(s)))
    .flatMap(([, l]) => l)
    .sort((a, b) => a - b);
  const other5xx = count(twice.statuses, (s) => s >= 500 && s !== 503) + count(once.statuses, (s) => s >= 500 && s !== 503);
  return {
    name: target.name,
    max,
    rate,
    once: { ...once, acceptedP99: percentile(onceAccepted, 99) },
    twice,
    refusedShare: refusals.length / Math.max(1, twice.completed + twice.errors),
    refusalP99: percentile(refusals, 99),
    floorP99: probe.p99,
    acceptedP99: percentile(acceptedLatencies, 99),
    acceptedRps: acceptedLatencies.length / SECONDS,
    other5xx,
    failed: once.errors + twice.errors,
  };
}

/** The pool, and MAX_IN_FLIGHT or MAX_EVENT_LOOP_DELAY_MS when the environment sets them (other limits than the defaults). */
function limitsFromEnvironment() {
  const names = ['MAX_IN_FLIGHT', 'MAX_EVENT_LOOP_DELAY_MS'];
  return { DATABASE_POOL_SIZE: values.pool, ...Object.fromEntries(names.filter((n) => process.env[n]).map((n) => [n, process.env[n]])) };
}

async function main() {
  if (!values['no-build']) build();
  const loadBefore = loadavg()[0];
  const name = `palabre_bench_overload_${Date.now().toString(36)}`;
  const databaseUrl = withDatabase(SERVER, name);
  await admin(`CREATE DATABASE "${name}"`);
  let api;
  let refuser;
  const results = [];
  try {
    refuser = await startScript({ code: REFUSER, readyPath: '/ready' });
    api = await startApi({
      nodeArgs: process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [],
      env: { DATABASE_URL: databaseUrl, SEED_DEMO: 'true', MAIL_TRANSPORT: 'file', PUBLIC_URL, WORKER_IN_PROCESS: 'false', ...limitsFromEnvironment() },
    });
    const slug = await setUp(api.url, databaseUrl);
    const page = values.page ?? `/e/${slug}/inscription`;
    for (let run = 0; run < Number(values.repeat); run++) {
      results.push(
        await measure(
          {
            name: `POST /api/v1/events/${slug}/registrations`,
            url: `${api.url}/api/v1/events/${slug}/registrations`,
            method: 'POST',
            body: (i, prefix) => body(i, `${prefix}${run}`),
          },
          refuser,
        ),
      );
      results.push(await measure({ name: `GET ${page}`, url: api.url + page, headers: { accept: 'text/html' } }, refuser));
    }
  } finally {
    if (process.env.BENCH_API_LOG) require('node:fs').writeFileSync(process.env.BENCH_API_LOG, api?.log() ?? '');
    await api?.stop();
    await refuser?.stop();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  const lines = [
    '',
    `bench/overload — one api process on PostgreSQL ${new URL(SERVER).host} (scratch database), ${Object.entries(limitsFromEnvironment())
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')} (MAX_IN_FLIGHT otherwise 2 × the pool); ${SECONDS} s per step`,
    `  machine: load average ${loadBefore.toFixed(2)} before → ${loadavg()[0].toFixed(2)} after (2 cores shared with other jobs: compare within the run)`,
    '',
    '| route | saturating req/s (closed, ' +
      CONNECTIONS +
      ' conn.) | 1× offered: served/s, p99 ms, answers | 2× offered: accepted/s | refused | refusal p99 ms | floor: bare refusal p99 ms, same moment | accepted p99 ms (vs 1×) | other 5xx, failed |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  let pass = true;
  for (const r of results) {
    const refusalOk = !(r.refusalP99 > REFUSAL_P99_BAR_MS);
    const cleanOk = r.other5xx === 0 && r.failed === 0;
    pass &&= refusalOk && cleanOk;
    lines.push(
      `| ${r.name} | ${f(r.max.rps)} | ${f(r.once.rps)}/s, ${f(r.once.acceptedP99, 1)}, ${JSON.stringify(r.once.statuses)} | ${f(r.acceptedRps)} | ${f(r.refusedShare * 100, 1)} % | ${f(r.refusalP99, 1)} ${refusalOk ? 'PASS' : 'FAIL'} | ${f(r.floorP99, 1)} | ${f(r.acceptedP99, 1)} (${f(r.acceptedP99 / r.once.acceptedP99, 2)}×) | ${r.other5xx}, ${r.failed} ${cleanOk ? 'PASS' : 'FAIL'} |`,
    );
  }
  const met = results.filter((r) => !(r.refusalP99 > REFUSAL_P99_BAR_MS)).length;
  lines.push(
    '',
    `  refusals' p99 within ${REFUSAL_P99_BAR_MS} ms in ${met} of ${results.length} measurements`,
    `  bars: refusals (503 + Retry-After) answered with p99 ≤ ${REFUSAL_P99_BAR_MS} ms; no 5xx but those refusals, no failed request. ${pass ? 'PASS' : 'FAIL'}`,
    '',
  );
  process.stdout.write(lines.join('\n'));
  process.exitCode = pass ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
