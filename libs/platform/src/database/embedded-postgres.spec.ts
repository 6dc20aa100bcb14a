import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../config/app-config';
import { openDatabase } from './database-connection';
import { EmbeddedPostgres } from './embedded-postgres';
import { bindMessage, executeMessage, flushMessage, md5PasswordHash, parseMessage, passwordMessage, queryMessage, startupMessage } from './pg-wire';

/** The deadline given to a connection that holds the session and says nothing, in these tests. */
const DEADLINE_MS = 500;

const within = <T>(p: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const withoutPassword = (url: string) => {
  const u = new URL(url);
  u.password = '';
  return u.toString();
};
const withPassword = (url: string, password: string) => {
  const u = new URL(url);
  u.password = password;
  return u.toString();
};

interface BackendMessage {
  type: string;
  body: Buffer;
}

/** A client that speaks the wire protocol by hand, to stop where node-pg never would. */
class RawClient {
  private buffered = Buffer.alloc(0);
  private readonly received: BackendMessage[] = [];
  private wake: () => void = () => undefined;
  closed = false;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (d: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, d]);
      while (this.buffered.length >= 5 && this.buffered.length >= 1 + this.buffered.readInt32BE(1)) {
        const length = this.buffered.readInt32BE(1);
        this.received.push({ type: String.fromCharCode(this.buffered[0]), body: this.buffered.subarray(5, 1 + length) });
        this.buffered = this.buffered.subarray(1 + length);
      }
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  /** A bare TCP connection to the server, nothing sent. */
  static open(url: string): Promise<RawClient> {
    const u = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: u.hostname, port: Number(u.port) }, () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Startup and, when asked, the md5 password from the URL, as node-pg does it. */
  static async connect(url: string): Promise<RawClient> {
    const u = new URL(url);
    const user = decodeURIComponent(u.username);
    const c = await RawClient.open(url);
    c.send(startupMessage({ user, database: 'postgres' }));
    for (;;) {
      const m = await c.next();
      if (m.type === 'R' && m.body.readInt32BE(0) === 5) c.send(passwordMessage(md5PasswordHash(user, decodeURIComponent(u.password), m.body.subarray(4, 8))));
      else if (m.type === 'E') throw new Error(`refused: ${m.body.toString()}`);
      else if (m.type === 'Z') return c;
    }
  }

  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  /** The next message from the server; rejects when the connection closes first. */
  async next(timeoutMs = 5000): Promise<BackendMessage> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const m = this.received.shift();
      if (m) return m;
      if (this.closed) throw new Error('connection closed');
      if (Date.now() >= until) throw new Error(`no message within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, until - Date.now());
        this.wake = () => (clearTimeout(timer), resolve());
      });
    }
  }

  /** Every message until the server closes the connection (or the time is up). */
  async drain(timeoutMs: number): Promise<BackendMessage[]> {
    const all: BackendMessage[] = [];
    try {
      for (;;) all.push(await this.next(timeoutMs));
    } catch {
      return all;
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** The embedded server under clients that behave badly: none may stall the others. */
describe('embedded PostgreSQL with many connections', () => {
  let pg: EmbeddedPostgres;
  beforeAll(async () => {
    pg = await EmbeddedPostgres.start({ maxConnections: 64, idleTimeoutMs: DEADLINE_MS });
    const c = new Client({ connectionString: pg.url });
    await c.connect();
    await c.query('CREATE TABLE t (id serial PRIMARY KEY, v int)');
    await c.end();
  });
  afterAll(() => pg?.stop());

  const connect = async (url = pg.url) => {
    const c = new Client({ connectionString: url });
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };
  const destroy = (c: Client) => (c as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  const count = async (where: string) => {
    const c = await connect();
    try {
      return (await within(c.query<{ n: number }>(`SELECT count(*)::int AS n FROM t WHERE ${where}`), 5000)).rows[0].n;
    } finally {
      await c.end();
    }
  };

  it('keeps concurrent parameterized queries of different connections apart', async () => {
    const clients = await Promise.all(Array.from({ length: 8 }, () => connect()));
    const answers = await Promise.all(
      clients.flatMap((c, i) => Array.from({ length: 20 }, (_, j) => c.query<{ n: number }>('SELECT $1::int * 1000 + $2::int AS n', [i, j]))),
    );
    expect(answers.map((a) => a.rows[0].n).sort((a, b) => a - b)).toEqual(
      clients.flatMap((_, i) => Array.from({ length: 20 }, (_, j) => i * 1000 + j)).sort((a, b) => a - b),
    );
    await Promise.all(clients.map((c) => c.end()));
  });

  it('rolls back the transaction of a connection that vanished, and lets the others go on', async () => {
    const a = await connect();
    const b = await connect();
    await a.query('BEGIN');
    await a.query('INSERT INTO t (v) VALUES ($1)', [42]);
    const waiting = b.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE v = $1', [42]);
    destroy(a);
    expect((await within(waiting, 5000)).rows[0].n).toBe(0);
    await b.end();
  });

  it('does not commit the half statement of a connection that vanished before its Sync', async () => {
    const raw = await RawClient.connect(pg.url);
    // Parse, Bind, Execute and a Flush to see it done, but no Sync: the INSERT waits in PostgreSQL's implicit transaction.
    raw.send(parseMessage('INSERT INTO t (v) VALUES ($1)'), bindMessage(['6000']), executeMessage(), flushMessage());
    let m;
    do m = await raw.next();
    while (m.type !== 'C' && m.type !== 'E');
    expect(m.body.toString('utf8')).toContain('INSERT 0 1');
    raw.destroy();
    // The next client's parameterized query ends with its own Sync: it must not commit the dead client's row.
    const b = await connect();
    expect((await within(b.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE v = $1', [6000]), 5000)).rows[0].n).toBe(0);
    await b.end();
    expect(await count('v = 6000')).toBe(0);
  });

  it('serves the survivors when clients are killed in the middle of their queries, and keeps none of the dead clients’ rows', async () => {
    const clients = await Promise.all(Array.from({ length: 16 }, () => connect()));
    const work = clients.map(async (c, i) => {
      for (let j = 0; j < 30; j++) {
        if (i % 2 === 1 && j === 5 + (i % 7)) {
          // The dead clients write 1000 + i; the living ones write i.
          if (i % 4 === 1) {
            // Killed in the middle of an INSERT inside its transaction: nothing of it may stay.
            await c.query('BEGIN');
            const inFlight = c.query('INSERT INTO t (v) VALUES ($1) RETURNING id', [1000 + i]).catch(() => undefined);
            destroy(c);
            await inFlight;
          } else {
            // Killed after an Execute whose Sync never left: the statement is not committed.
            const connection = (c as unknown as { connection: { parse(q: object): void; bind(b: object): void; execute(e: object): void; flush(): void } })
              .connection;
            connection.parse({ text: 'INSERT INTO t (v) VALUES ($1)', types: [] });
            connection.bind({ values: [String(1000 + i)] });
            connection.execute({ portal: '', rows: 0 });
            connection.flush();
            await sleep(5 * (i % 3));
            destroy(c);
          }
          return 'killed';
        }
        if (j % 3 === 0) {
          await c.query('BEGIN');
          await c.query('INSERT INTO t (v) VALUES ($1)', [i]);
          await c.query('COMMIT');
        } else {
          await c.query('SELECT v FROM t WHERE id = $1', [j]);
        }
      }
      await c.end();
      return 'done';
    });
    const outcome = await within(Promise.all(work), 20_000);
    expect(outcome.filter((o) => o === 'done')).toHaveLength(8);
    const c = await connect();
    expect((await within(c.query('SELECT 1 AS one'), 5000)).rows).toEqual([{ one: 1 }]);
    await c.end();
    expect(await count('v BETWEEN 1000 AND 1999')).toBe(0);
    // Every committed row of the living, and of the dead before they died, is there.
    const committed = clients.map((_, i) => Array.from({ length: i % 2 === 1 ? 5 + (i % 7) : 30 }, (_, j) => j).filter((j) => j % 3 === 0).length);
    expect(await count('v < 16')).toBe(committed.reduce((a, b) => a + b, 0));
  });

  it('cuts a connection left idle in its transaction past the deadline, rolls it back, and serves the others meanwhile', async () => {
    const idle = await connect();
    const other = await connect();
    try {
      await idle.query('BEGIN');
      await idle.query('INSERT INTO t (v) VALUES ($1)', [5000]);
      // `idle` now says nothing more; `other` keeps querying through and after the deadline.
      const until = Date.now() + 3 * DEADLINE_MS;
      let answered = 0;
      while (Date.now() < until) {
        const r = await within(other.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE v = $1', [5000]), DEADLINE_MS + 2000);
        expect(r.rows[0].n).toBe(0);
        answered++;
      }
      expect(answered).toBeGreaterThan(1);
      await expect(within(idle.query('SELECT 1'), 2000)).rejects.toThrow();
      expect(await count('v = 5000')).toBe(0);
    } finally {
      destroy(idle);
      await other.end();
    }
  });

  it('cuts a connection that stops in the middle of an extended-query sequence', async () => {
    const raw = await RawClient.connect(pg.url);
    const other = await connect();
    try {
      raw.send(parseMessage('INSERT INTO t (v) VALUES ($1)'), bindMessage(['5100']), executeMessage(), flushMessage());
      // Then nothing: no Sync. The others must not wait for it beyond the deadline.
      expect((await within(other.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE v = $1', [5100]), DEADLINE_MS + 2000)).rows[0].n).toBe(0);
      await raw.drain(DEADLINE_MS + 2000);
      expect(raw.closed).toBe(true);
      expect(await count('v = 5100')).toBe(0);
    } finally {
      raw.destroy();
      await other.end();
    }
  });

  it('leaves alone a connection that keeps talking in a transaction longer than the deadline', async () => {
    const busy = await connect();
    try {
      await busy.query('BEGIN');
      await busy.query('INSERT INTO t (v) VALUES ($1)', [5200]);
      for (let k = 0; k < 6; k++) {
        await sleep(DEADLINE_MS / 2);
        await busy.query('SELECT 1');
      }
      await busy.query('COMMIT');
      expect(await count('v = 5200')).toBe(1);
    } finally {
      await busy.end();
    }
  });

  it('refuses a client without the password, or with a wrong one', async () => {
    await expect(connect(withoutPassword(pg.url))).rejects.toThrow();
    await expect(connect(withPassword(pg.url, 'not-the-password'))).rejects.toThrow();
    const c = await connect();
    expect((await c.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await c.end();
  });

  it('answers nothing to a client that skips the startup or the password', async () => {
    // PGlite's session is already open: a bare query would run on it if nothing stood in the way.
    const bare = await RawClient.open(pg.url);
    bare.send(queryMessage("SELECT 'leaked' AS secret"));
    const toBare = await bare.drain(2000);
    expect(toBare.map((m) => m.type)).not.toContain('D');
    expect(bare.closed).toBe(true);

    const noPassword = await RawClient.open(pg.url);
    noPassword.send(startupMessage({ user: 'postgres', database: 'postgres' }), queryMessage("SELECT 'leaked' AS secret"));
    const toNoPassword = await noPassword.drain(2000);
    expect(toNoPassword.map((m) => m.type)).not.toContain('D');
    expect(toNoPassword.map((m) => m.type)).not.toContain('Z');
    expect(noPassword.closed).toBe(true);
  });
});

describe('the embedded PostgreSQL of a data directory', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'palabre-embedded-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const mode = (file: string) => statSync(file).mode & 0o777;

  it('is advertised to its owner only, and reached by a second process (the CLI) with the secret', async () => {
    const dataDir = path.join(dir, 'var');
    // As an earlier version or a permissive umask left them.
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(path.join(dataDir, 'pgdata.server.json'), '{}', { mode: 0o644 });
    chmodSync(path.join(dataDir, 'pgdata.server.json'), 0o644);

    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, EMBEDDED_DB_IDLE_TIMEOUT_MS: String(DEADLINE_MS) }, dir);
    const server = await openDatabase(config);
    try {
      expect(server.kind).toBe('embedded');
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(path.join(dataDir, 'pgdata.server.json'))).toBe(0o600);

      // What the CLI does: find the running server through the info file and connect.
      const cli = await openDatabase(config, { advertise: false });
      expect(cli.kind).toBe('embedded-shared');
      const c = new Client({ connectionString: cli.url });
      c.on('error', () => undefined);
      await c.connect();
      expect((await c.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);

      // The deadline comes from the configuration: a stalled transaction here is cut too.
      await c.query('BEGIN');
      const other = new Client({ connectionString: server.url });
      await other.connect();
      expect((await within(other.query('SELECT 2 AS two'), DEADLINE_MS + 2000)).rows).toEqual([{ two: 2 }]);
      await other.end();
      await expect(within(c.query('SELECT 1'), 2000)).rejects.toThrow();
      await c.end().catch(() => undefined);

      const stranger = new Client({ connectionString: withoutPassword(cli.url) });
      stranger.on('error', () => undefined);
      await expect(stranger.connect()).rejects.toThrow();
    } finally {
      await server.close();
    }
  });
});
