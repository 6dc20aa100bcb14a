import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@palabre/platform';
import { createTestDatabase, SmtpTestServer, startSmtpServer, TestClock, TestDatabase } from '@palabre/testing';
import { createApi, prepareDatabase } from '../../src/bootstrap';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  config: AppConfig;
  db: TestDatabase;
  /** The app's clock: the suite's fixed instant, never the machine's date. */
  clock: TestClock;
  /** fetch() against the app, with a path. */
  fetch(pathname: string, init?: RequestInit): Promise<Response>;
  /** SQL on the app's database, through the app's own connection (what a test reads back or arranges). */
  query: DataSource['query'];
  close(): Promise<void>;
}

/**
 * The real api on a database of its own (migrated), listening on a free port. `env` sets
 * configuration as a deployment would; mail goes to files under a temp DATA_DIR unless
 * SMTP_URL is given. The app lives at the suite's fixed instant (a TestClock), not today.
 */
export async function startTestApp(env: Record<string, string> = {}, options: { clock?: TestClock } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'palabre-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
    LOG_FORMAT: 'json',
    WORKER_IN_PROCESS: 'false',
    ...env,
  });
  const clock = options.clock ?? new TestClock();
  // On a server (TEST_DATABASE_URL) the app relays its domain events as it would beside other processes.
  const app = await createApi({ config, databaseUrl: db.url, clock, shared: db.kind === 'server' });
  try {
    await prepareDatabase(app, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app.close().catch(() => undefined);
    await db.close();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    baseUrl,
    config,
    db,
    clock,
    fetch: (pathname, init) => fetch(baseUrl + pathname, init),
    query: (sql, parameters) => app.get(DataSource).query(sql, parameters),
    async close() {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For a suite: the app (startTestApp with `env` and `options`) started before its tests and
 * closed after them. Read it inside hooks and tests, once it has started. `env` may be a
 * function, read when the app starts (after the hooks declared before: a fake server's address).
 */
export function suiteApp(env: Record<string, string> | (() => Record<string, string>) = {}, options: { clock?: TestClock } = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(typeof env === 'function' ? env() : env, options);
  });
  afterAll(() => started?.close());
  const t = (): TestApp => {
    if (!started) throw new Error('the suite app starts in beforeAll: read it inside a hook or a test');
    return started;
  };
  return {
    get app() {
      return t().app;
    },
    get baseUrl() {
      return t().baseUrl;
    },
    get config() {
      return t().config;
    },
    get db() {
      return t().db;
    },
    get clock() {
      return t().clock;
    },
    fetch: (pathname, init) => t().fetch(pathname, init),
    query: (sql, parameters) => t().query(sql, parameters),
    close: () => t().close(),
  };
}

/**
 * startTestApp with its mail sent to a real SMTP server of its own (`smtp`, read back by the
 * test); the app's `close()` stops the server too.
 */
export async function startMailingApp(env: Record<string, string> = {}, options: { clock?: TestClock } = {}): Promise<{ t: TestApp; smtp: SmtpTestServer }> {
  const smtp = await startSmtpServer();
  try {
    const t = await startTestApp({ SMTP_URL: smtp.url, ...env }, options);
    const close = t.close;
    t.close = async () => {
      await close();
      await smtp.close();
    };
    return { t, smtp };
  } catch (error) {
    await smtp.close();
    throw error;
  }
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
