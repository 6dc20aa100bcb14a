'use strict';
/**
 * An open-loop load generator: requests leave at a fixed offered rate whatever the server
 * does (a closed loop would slow down with the server and hide its queueing), over a pool
 * of keep-alive connections. Latency is measured from the scheduled send time, so
 * queueing in the client counts against the server, as a user would see it.
 */
const http = require('node:http');

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

/** One request of a run: the target, a compressed answer asked, a JSON body when there is one. */
function requestOptions(target, agent, o, body) {
  return {
    agent,
    hostname: target.hostname,
    port: target.port,
    path: target.pathname + target.search,
    method: o.method ?? 'GET',
    headers: {
      'accept-encoding': 'gzip, br',
      ...(o.headers ?? {}),
      ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
    },
  };
}

/**
 * Settles exactly once, whichever of end, error or close comes first: a socket closed without
 * an error must not leave the promise pending (the loop would exit silently).
 */
function settleOnce(resolve, onFailure) {
  let settled = false;
  return (failed) => {
    if (settled) return;
    settled = true;
    if (failed) onFailure();
    resolve();
  };
}

/**
 * @param {{ url: string, rate: number, durationMs: number, connections?: number, headers?: Record<string,string>, method?: string, body?: (i:number)=>string }} o
 */
async function offeredLoad(o) {
  const target = new URL(o.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections ?? 64, maxFreeSockets: o.connections ?? 64 });
  const latencies = [];
  const byStatus = {};
  const statuses = {};
  let errors = 0;
  let sent = 0;
  const interval = 1000 / o.rate;
  const start = performance.now();
  const inflight = new Set();
  const one = (scheduled, i) =>
    new Promise((resolve) => {
      const body = o.body ? o.body(i) : undefined;
      const req = http.request(requestOptions(target, agent, o, body), (res) => {
        res.on('data', () => undefined);
        res.on('end', () => {
          const ms = performance.now() - scheduled;
          latencies.push(ms);
          (byStatus[res.statusCode] ??= []).push(ms);
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          finish(false);
        });
        res.on('close', () => finish(true));
      });
      const finish = settleOnce(resolve, () => errors++);
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => finish(true));
      req.on('close', () => finish(true));
      if (body) req.write(body);
      req.end();
    });
  while (performance.now() - start < o.durationMs) {
    const scheduled = start + sent * interval;
    const wait = scheduled - performance.now();
    // Always yield, so responses are read while requests are being sent.
    await new Promise((r) => (wait > 1 ? setTimeout(r, wait) : setImmediate(r)));
    // Send every request that is due (timers are coarse): keeps the offered rate exact.
    while (start + sent * interval <= performance.now() && performance.now() - start < o.durationMs) {
      const p = one(start + sent * interval, sent);
      inflight.add(p);
      p.then(() => inflight.delete(p));
      sent++;
    }
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  for (const list of Object.values(byStatus)) list.sort((a, b) => a - b);
  return {
    offered: o.rate,
    sent,
    completed: latencies.length,
    errors,
    statuses,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    latencies,
    /** The latencies of each status, sorted: refusals and accepted requests apart. */
    byStatus,
  };
}

/**
 * Closed loop at full speed with `connections` in flight: the most a server can serve.
 * @param {{ url: string, connections: number, durationMs: number, headers?: Record<string,string>, method?: string, body?: (i:number)=>string }} o
 */
async function saturate(o) {
  const target = new URL(o.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections, maxFreeSockets: o.connections });
  let completed = 0;
  let errors = 0;
  const statuses = {};
  const latencies = [];
  let next = 0;
  const end = performance.now() + o.durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const body = o.body ? o.body(next++) : undefined;
      await new Promise((resolve) => {
        const finish = settleOnce(resolve, () => errors++);
        const req = http.request(requestOptions(target, agent, o, body), (res) => {
          res.on('data', () => undefined);
          res.on('end', () => {
            completed++;
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            latencies.push(performance.now() - t0);
            finish(false);
          });
          res.on('close', () => finish(true));
        });
        req.on('error', () => finish(true));
        req.on('close', () => finish(true));
        req.end(body);
      });
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: o.connections }, worker));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rps: completed / ((performance.now() - t0) / 1000), completed, errors, statuses, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

module.exports = { offeredLoad, saturate, percentile };
