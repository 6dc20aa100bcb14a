import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { runOnServer, testDatabaseServer } from '@palabre/testing';

/**
 * The built processes as a user runs them: `node dist/apps/api/src/main.js` and the CLI.
 * Builds once (a few seconds), then starts, stops and restarts real processes.
 */
const ROOT = path.resolve(__dirname, '../../..');
const API = path.join(ROOT, 'dist/apps/api/src/main.js');
const CLI = path.join(ROOT, 'dist/apps/cli/src/main.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: string, env: Record<string, string>, args: string[] = []): Running {
  let out = '';
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForReady(port: number, running: Running, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (running.child.exitCode !== null) throw new Error(`exited early:\n${running.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready after ${timeoutMs} ms:\n${running.output()}`);
}

let nextPort = 3900 + (process.pid % 50) * 2;

describe('the api process', () => {
  it('refuses to start on a bad configuration value, naming it', async () => {
    const p = run(API, { PORT: 'trois-mille', DATA_DIR: '/nonexistent' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/PORT/);
    expect(p.output()).toContain('trois-mille');
  });

  it('starts on a fresh embedded database with the demo, stops cleanly on SIGTERM, and reuses the data without seeding twice', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'palabre-proc-'));
    const port = nextPort++;
    const env = { DATA_DIR: dataDir, PORT: String(port) };
    try {
      const first = run(API, env);
      await waitForReady(port, first);
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('Forum Job Cluster');
      expect(first.output()).toMatch(/demo organizer — email: \S+ {2}password: \S+/);

      // The running server's address and password are for its owner only.
      expect(statSync(path.join(dataDir, 'pgdata.server.json')).mode & 0o777).toBe(0o600);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      // The CLI talks to the running server's embedded PostgreSQL instead of opening the data twice.
      const cli = run(CLI, env, ['organizer:create', '--email', 'cli@example.org', '--password', 'karite-mangue-2026', '--organization', 'ONG CLI']);
      expect(await cli.exited).toBe(0);
      expect(cli.output()).toContain('cli@example.org is owner');

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(existsSync(path.join(dataDir, 'pgdata.server.json'))).toBe(false);

      const second = run(API, env);
      await waitForReady(port, second);
      const events = (await (await fetch(`http://127.0.0.1:${port}/api/v1/events`)).json()) as { items: unknown[] };
      expect(events.items).toHaveLength(1);
      expect(second.output()).not.toContain('demo forum seeded');
      const token = await fetch(`http://127.0.0.1:${port}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'cli@example.org', password: 'karite-mangue-2026' }),
      });
      expect(token.status).toBe(200);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000); // two starts of a fresh embedded database: slow on a loaded 2-core machine
});

const onServer = testDatabaseServer() ? describe : describe.skip;

onServer('on a PostgreSQL server (DATABASE_URL)', () => {
  // describe.skip still runs this body: give the URL a harmless value when there is no server.
  const server = testDatabaseServer() ?? 'postgres://unused@127.0.0.1/unused';
  const name = `palabre_empty_${process.pid}_${Date.now().toString(36)}`;
  const url = (() => {
    const u = new URL(server);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  const admin = (sql: string) => runOnServer(server, sql);
  beforeAll(() => admin(`CREATE DATABASE "${name}"`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it('migrates an empty database at start, serves, and does not seed unless asked', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'palabre-proc-'));
    const port = nextPort++;
    try {
      const p = run(API, { DATABASE_URL: url, DATA_DIR: dataDir, PORT: String(port) });
      await waitForReady(port, p);
      const events = (await (await fetch(`http://127.0.0.1:${port}/api/v1/events`)).json()) as { items: unknown[] };
      expect(events.items).toHaveLength(0);
      expect(existsSync(path.join(dataDir, 'pgdata'))).toBe(false);
      const c = new Client({ connectionString: url });
      await c.connect();
      const applied = await c.query('SELECT count(*)::int AS n FROM schema_migrations');
      await c.end();
      expect(applied.rows[0].n).toBeGreaterThan(0);
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
