import { Client } from 'pg';
import { EmbeddedPostgres } from './embedded-postgres';

/** The embedded server under clients that behave badly: none may stall the others. */
describe('embedded PostgreSQL with many connections', () => {
  let pg: EmbeddedPostgres;
  beforeAll(async () => {
    pg = await EmbeddedPostgres.start({ maxConnections: 64 });
    const c = new Client({ connectionString: pg.url });
    await c.connect();
    await c.query('CREATE TABLE t (id serial PRIMARY KEY, v int)');
    await c.end();
  });
  afterAll(() => pg?.stop());

  const connect = async () => {
    const c = new Client({ connectionString: pg.url });
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };
  const destroy = (c: Client) => (c as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  const within = <T>(p: Promise<T>, ms: number) =>
    Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);

  it('keeps concurrent parameterized queries of different connections apart', async () => {
    const clients = await Promise.all(Array.from({ length: 8 }, connect));
    const answers = await Promise.all(clients.flatMap((c, i) => Array.from({ length: 20 }, (_, j) => c.query<{ n: number }>('SELECT $1::int * 1000 + $2::int AS n', [i, j]))));
    expect(answers.map((a) => a.rows[0].n).sort((a, b) => a - b)).toEqual(clients.flatMap((_, i) => Array.from({ length: 20 }, (_, j) => i * 1000 + j)).sort((a, b) => a - b));
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

  it('serves the survivors when clients are killed in the middle of their queries', async () => {
    const clients = await Promise.all(Array.from({ length: 16 }, connect));
    const work = clients.map(async (c, i) => {
      for (let j = 0; j < 30; j++) {
        if (i % 2 === 1 && j === 5 + (i % 7)) {
          const inFlight = c.query('INSERT INTO t (v) VALUES ($1) RETURNING id', [i]).catch(() => undefined);
          destroy(c);
          await inFlight;
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
  });
});
