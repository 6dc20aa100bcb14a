'use strict';
/** Starting the built api (and other servers) as child processes for benchmarks. */
const { spawn, execFileSync, fork } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const net = require('node:net');

const ROOT = path.resolve(__dirname, '../..');

/** A port nobody listens on right now (never a fixed one: a stale server would answer instead). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function build() {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.js')], { cwd: ROOT, stdio: 'inherit' });
}

async function waitFor(url, child, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

/** The built api on a fresh embedded database (demo seeded), or on DATABASE_URL when given. */
async function startApi({ env = {}, nodeArgs = [] } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'palabre-bench-'));
  let log = '';
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'dist/apps/api/src/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      RATE_LIMITS: 'off',
      DATA_DIR: dataDir,
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  await waitFor(`http://127.0.0.1:${port}/health/ready`, child);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    log: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        console.error(`the api had already exited (${child.exitCode ?? child.signalCode}):\n${log.slice(-4000)}`);
      } else {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs a small node script as a separate server process (the same-run baseline). */
async function startScript({ code, readyPath = '/' }) {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', code], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'inherit', 'inherit'] });
  process.once('exit', () => child.kill('SIGKILL'));
  await waitFor(`http://127.0.0.1:${port}${readyPath}`, child);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The SMTP sink (bench/smtp-sink.js) in a child process: its port, how many messages it accepted, and stop. */
function startSink() {
  const child = fork(path.join(__dirname, '..', 'smtp-sink.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve) => {
    child.once('message', ({ port }) =>
      resolve({
        port,
        count: () => new Promise((r) => (child.once('message', (m) => r(m.accepted)), child.send('count'))),
        stop: () => new Promise((r) => (child.once('exit', r), child.send('stop'))),
      }),
    );
  });
}

/** CPU seconds a process has used so far (Linux; NaN elsewhere). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

module.exports = { ROOT, build, startApi, startScript, startSink, waitFor, freePort, cpuSeconds };
