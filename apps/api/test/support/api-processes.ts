import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The built api (`node dist/apps/api/src/main.js`), which test/global-setup builds once per run. */
const ROOT = path.resolve(__dirname, '../../../..');
const API = path.join(ROOT, 'dist/apps/api/src/main.js');

export interface ApiProcess {
  url: string;
  fetch(pathname: string, init?: RequestInit): Promise<Response>;
  /** Everything the process wrote, for a failure's message. */
  output(): string;
  /** Whether the process still runs (it was neither restarted nor crashed). */
  running(): boolean;
  /** Sends the signal and waits for the process to end (`SIGKILL`: a crash, nothing flushed). */
  kill(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The api as a deployment runs it, on a database that already exists (DATABASE_URL), on the
 * machine's real clock. Answers once `/health/ready` does.
 */
export async function startApiProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'palabre-proc-'));
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [API], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      DATA_DIR: dataDir,
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = async (signal: NodeJS.Signals) => {
    if (!running()) return;
    child.kill(signal);
    await exited;
  };
  const stop = async () => {
    await kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the api exited early:\n${out}`);
    }
    const ready = await fetch(`${url}/health/ready`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > until) {
      await stop();
      throw new Error(`the api was not ready after ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, fetch: (pathname, init) => fetch(url + pathname, init), output: () => out, running, kill, stop };
}
