import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { ApiProcess, freePort, startApiProcess } from './support/api-processes';

/**
 * Database faults (issue 14): the database goes away in the middle of a registration run.
 *
 * - server: a PostgreSQL of the test's own is stopped (`pg_ctl stop -m fast`) under the api
 *   process, then started again. Meanwhile the api answers 503 problems (never a 500) and
 *   `/health/ready` says not ready; afterwards it serves again without a restart.
 * - embedded: the api process, which runs the embedded database, is killed (SIGKILL) and
 *   started again on the same data directory.
 * Either way, every registration that was answered 2xx is in the database, with its outbox row.
 */
const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/apps/cli/src/main.js');
const PG_BIN = '/usr/lib/postgresql/15/bin';
const hasPostgres = existsSync(path.join(PG_BIN, 'initdb')) && existsSync(path.join(PG_BIN, 'pg_ctl'));
const inCi = process.env.CI === 'true';
/** Far ahead: the api processes run on the machine's real clock, and the window must be open whatever today is. */
const FAR = { startsAt: '2090-06-10T08:00:00Z', endsAt: '2090-06-11T18:00:00Z', timeZone: 'Africa/Bamako' };
const PASSWORD = 'karite-mangue-baobab-2026';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `ok` answers true; fails naming what it waited for. */
async function until(what: string, ok: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** A PostgreSQL 15 of the test's own in a temporary directory, as the postgres user when run as root (initdb refuses root). */
class OwnPostgres {
  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(): Promise<OwnPostgres> {
    const dir = mkdtempSync(path.join(tmpdir(), 'palabre-pg-'));
    const pg = new OwnPostgres(dir, await freePort());
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
      chownSync(dir, uid, gid);
    }
    pg.run('initdb', ['-D', pg.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await pg.start();
    return pg;
  }

  private get data(): string {
    return path.join(this.dir, 'data');
  }

  private run(binary: string, args: string[]): void {
    const command = path.join(PG_BIN, binary);
    const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: this.dir });
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1`;
    this.run('pg_ctl', ['-D', this.data, '-l', path.join(this.dir, 'log'), '-o', options, '-w', 'start']);
  }

  /** `-m fast`: open sessions are cut, transactions in flight rolled back, as when a server is restarted. */
  stop(): void {
    this.run('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function cli(env: Record<string, string>, args: string[]): string {
  try {
    return execFileSync(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`cli ${args[0]} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

async function call(api: ApiProcess, method: string, pathname: string, body?: unknown, token?: string): Promise<unknown> {
  const res = await api.fetch(pathname, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** An organizer (through the CLI, as a deployment does) and a published event open for registration; answers its slug. */
async function anOpenEvent(api: ApiProcess, cliEnv: Record<string, string>): Promise<string> {
  const out = cli(cliEnv, ['organizer:create', '--email', 'pannes@example.org', '--password', PASSWORD, '--organization', 'Pannes et reprises']);
  const organization = /\(([^)]+)\)\s*$/.exec(out.trim())?.[1];
  const { accessToken } = (await call(api, 'POST', '/api/v1/auth/token', { email: 'pannes@example.org', password: PASSWORD })) as { accessToken: string };
  const slug = 'pannes';
  await call(api, 'POST', `/api/v1/organizations/${organization}/events`, { slug, title: { fr: 'Forum', en: 'Forum' }, ...FAR }, accessToken);
  await call(api, 'PATCH', `/api/v1/events/${slug}`, { capacity: 100_000, confirmEmail: false }, accessToken);
  await call(api, 'POST', `/api/v1/events/${slug}/publish`, undefined, accessToken);
  return slug;
}

interface Answer {
  email: string;
  status: number;
  contentType: string;
  retryAfter: string | null;
  body: string;
}

/**
 * Registrations, a few at a time, for as long as the run lasts; every answer is kept (a
 * request the process could not answer at all counts as status 0).
 */
class RegistrationLoop {
  readonly answers: Answer[] = [];
  private stopped = false;
  private next = 0;
  private readonly workers: Promise<void>[];

  constructor(
    private readonly api: () => ApiProcess,
    private readonly slug: string,
    private readonly prefix: string,
    concurrency = 4,
  ) {
    this.workers = Array.from({ length: concurrency }, () => this.work());
  }

  acknowledged(): string[] {
    return this.answers.filter((a) => a.status >= 200 && a.status < 300).map((a) => a.email);
  }

  since(count: number): Answer[] {
    return this.answers.slice(count);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.workers);
  }

  private async work(): Promise<void> {
    while (!this.stopped) {
      const email = `${this.prefix}-${this.next++}@example.ml`;
      const answer = await this.api()
        .fetch(`/api/v1/events/${this.slug}/registrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': 'en' },
          body: JSON.stringify({ firstName: 'Awa', lastName: 'Traoré', email, consent: true, organization: 'Lycée technique', locale: 'fr' }),
          signal: AbortSignal.timeout(15_000),
        })
        .then(
          async (res): Promise<Answer> => ({
            email,
            status: res.status,
            contentType: res.headers.get('content-type') ?? '',
            retryAfter: res.headers.get('retry-after'),
            body: await res.text(),
          }),
          (): Answer => ({ email, status: 0, contentType: '', retryAfter: null, body: '' }),
        );
      this.answers.push(answer);
      if (answer.status >= 300 || answer.status === 0) await sleep(50);
    }
  }
}

/** Every acknowledged registration is stored, with the outbox row of its email. */
async function expectStored(url: string, emails: string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ email: string; outbox: number }>(
      `SELECT r.email, (SELECT count(*)::int FROM outbox_messages o WHERE o.recipient = r.email) AS outbox
         FROM registrations r WHERE r.email = ANY($1)`,
      [emails],
    );
    const stored = new Map(rows.map((r) => [r.email, r.outbox]));
    expect(emails.filter((e) => !stored.has(e))).toEqual([]);
    expect(emails.filter((e) => (stored.get(e) ?? 0) < 1)).toEqual([]);
  } finally {
    await client.end();
  }
}

/** A registration refused while the database is gone: a 503 problem that says when to come back. */
function expectUnavailable(answers: Answer[]): void {
  const refused = answers.filter((a) => a.status === 503);
  expect(refused.length).toBeGreaterThan(0);
  for (const a of refused) {
    expect(a.contentType).toMatch(/^application\/problem\+json/);
    expect(a.retryAfter).toMatch(/^\d+$/);
    expect(JSON.parse(a.body)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  }
}

/** The errors the api process logged, for a failure's message. */
const errorsLogged = (api: ApiProcess) =>
  api
    .output()
    .split('\n')
    .filter((l) => /"level":50/.test(l))
    .slice(-5)
    .join('\n');

const readiness = async (api: ApiProcess) => {
  const res = await api.fetch('/health/ready', { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: (await res.json()) as { status: string; failing: string[] } };
};

const describeServer = hasPostgres || inCi ? describe : describe.skip;

describeServer(`database faults: PostgreSQL stopped and started under the api${hasPostgres ? '' : ` [skipped: no ${PG_BIN}/initdb]`}`, () => {
  let pg: OwnPostgres;
  let api: ApiProcess;

  beforeAll(async () => {
    if (!hasPostgres) throw new Error(`CI=true needs PostgreSQL 15's binaries in ${PG_BIN} (initdb, pg_ctl)`);
    pg = await OwnPostgres.create();
    api = await startApiProcess({ DATABASE_URL: pg.url, RATE_LIMITS: 'off', MAIL_TRANSPORT: 'file', DATABASE_POOL_TIMEOUT_MS: '1000' });
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    pg?.destroy();
  }, 60_000);

  it('answers 503 problems while the database is gone, says so on /health/ready, recovers without a restart, and loses no acknowledged registration', async () => {
    const slug = await anOpenEvent(api, { DATABASE_URL: pg.url });
    const loop = new RegistrationLoop(() => api, slug, 'pendant-la-panne');
    try {
      await until('registrations before the fault', async () => loop.acknowledged().length >= 20);

      pg.stop();
      const down = loop.answers.length;
      await until('/health/ready says not ready', async () => (await readiness(api)).status === 503);
      expect((await readiness(api)).body).toMatchObject({ status: 'unavailable', failing: expect.arrayContaining(['database']) });
      await until('registrations refused while the database is gone', async () => loop.since(down).filter((a) => a.status === 503).length >= 10);
      const whileDown = loop.since(down);

      await pg.start();
      const up = loop.answers.length;
      await until('/health/ready says ready again', async () => (await readiness(api)).status === 200);
      await until('registrations accepted again', async () => loop.since(up).filter((a) => a.status === 201).length >= 20);
      await loop.stop();

      expect(api.running()).toBe(true);
      // While it was gone: 503 problems only (a registration already past its commit may still have been answered 201).
      expectUnavailable(whileDown);
      // And never anything else than a registration or a 503 during the whole run.
      const other = loop.answers.filter((a) => a.status !== 201 && a.status !== 503);
      if (other.length > 0) throw new Error(`${other.length} other answers, e.g. ${other[0].status} ${other[0].body}\n${errorsLogged(api)}`);
      await expectStored(pg.url, loop.acknowledged());
    } finally {
      await loop.stop();
    }
  }, 180_000);
});

describe('database faults: the embedded database killed with its api process and started again', () => {
  let dataDir: string;
  const apis: ApiProcess[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'palabre-crash-'));
  });
  afterAll(async () => {
    await Promise.all(apis.map((a) => a.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('starts again on the same data directory after a SIGKILL mid-run, with every acknowledged registration', async () => {
    const env = { DATA_DIR: dataDir, RATE_LIMITS: 'off', MAIL_TRANSPORT: 'file', SEED_DEMO: 'false' };
    apis.push(await startApiProcess(env, 120_000));
    const slug = await anOpenEvent(apis[0], { DATA_DIR: dataDir });
    const loop = new RegistrationLoop(() => apis[0], slug, 'avant-le-crash');
    try {
      await until('registrations before the crash', async () => loop.acknowledged().length >= 30);
      await apis[0].kill('SIGKILL');
      const acknowledged = loop.acknowledged();
      await loop.stop();

      apis.push(await startApiProcess(env, 120_000));
      const info = JSON.parse(readFileSync(path.join(dataDir, 'pgdata.server.json'), 'utf8')) as { url: string };
      await expectStored(info.url, acknowledged);
      // And it takes registrations again.
      const again = new RegistrationLoop(() => apis[1], slug, 'apres-le-crash', 1);
      await until('registrations after the restart', async () => again.acknowledged().length >= 3);
      await again.stop();
    } finally {
      await loop.stop();
    }
  }, 240_000);
});
