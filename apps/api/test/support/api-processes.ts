import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The built processes (`node dist/apps/…/main.js`), which test/global-setup builds once per run. */
const ROOT = path.resolve(__dirname, '../../../..');

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

/** A built entry point (`dist/…/main.js`) running in its own process, with a temporary DATA_DIR. */
interface BuiltProcess {
  child: ChildProcess;
  /** The last 20,000 characters the process wrote, for a failure's message. */
  output(): string;
  /** How it ended (resolves once it has). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Removes its DATA_DIR (once it has exited). */
  cleanUp(): void;
}

/** Starts `dist/<script>` as production runs it: NODE_ENV=production, JSON logs, only `env` besides PATH. */
function startBuilt(script: string, env: Record<string, string>): BuiltProcess {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'palabre-proc-'));
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist', script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_FORMAT: 'json', LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited, cleanUp: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * The api as a deployment runs it, on a database that already exists (DATABASE_URL), on the
 * machine's real clock. Answers once `/health/ready` does.
 */
export async function startApiProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ApiProcess> {
  const port = await freePort();
  const p = startBuilt('apps/api/src/main.js', { SEED_DEMO: 'false', PORT: String(port), ...env });
  const url = `http://127.0.0.1:${port}`;
  const running = () => p.child.exitCode === null && p.child.signalCode === null;
  const kill = async (signal: NodeJS.Signals) => {
    if (!running()) return;
    p.child.kill(signal);
    await p.exited;
  };
  const stop = async () => {
    await kill('SIGTERM');
    p.cleanUp();
  };
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (p.child.exitCode !== null) {
      await stop();
      throw new Error(`the api exited early:\n${p.output()}`);
    }
    const ready = await fetch(`${url}/health/ready`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > until) {
      await stop();
      throw new Error(`the api was not ready after ${timeoutMs} ms:\n${p.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, fetch: (pathname, init) => fetch(url + pathname, init), output: p.output, running, kill, stop };
}

export interface WorkerProcess {
  pid: number;
  /** Everything the process wrote, for a failure's message. */
  output(): string;
  /** Whether it is still running. */
  alive(): boolean;
  /** SIGKILL: no shutdown hook runs, its connections drop as they are. */
  kill(): Promise<void>;
  /** SIGTERM, as a deployment stops it: answers its exit code. */
  stop(): Promise<number | null>;
}

/** The worker (`node dist/apps/worker/src/main.js`) on an existing database (DATABASE_URL), on the machine's real clock. */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const p = startBuilt('apps/worker/src/main.js', env);
  const alive = () => p.child.exitCode === null && p.child.signalCode === null;
  const end = async (signal: NodeJS.Signals) => {
    if (alive()) p.child.kill(signal);
    const { code } = await p.exited;
    p.cleanUp();
    return code;
  };
  return {
    pid: p.child.pid!,
    output: p.output,
    alive,
    kill: async () => void (await end('SIGKILL')),
    stop: () => end('SIGTERM'),
  };
}
