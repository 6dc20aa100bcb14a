import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@palabre/testing';
import { AfterCommit } from '../events/after-commit';
import { isUniqueViolation } from './pg-errors';
import { answered, transactionEndingWith } from './transaction-tail';
import { typeormOptions } from './typeorm-options';

describe('transactionEndingWith: the last statements leave with the COMMIT', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let afterCommit: AfterCommit;
  let heard: string[];

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase();
    // One connection: every test reuses the one the previous test had in pipeline mode.
    ds = new DataSource(typeormOptions(db.url, 1));
    await ds.initialize();
    afterCommit = new AfterCommit(ds);
    afterCommit.onModuleInit();
    await ds.query(`CREATE TABLE tail_test (k text PRIMARY KEY, n int NOT NULL)`);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.close();
  });
  beforeEach(async () => {
    heard = [];
    await ds.query(`DELETE FROM tail_test`);
  });

  const rows = async () => (await ds.query<{ k: string; n: number }[]>(`SELECT k, n FROM tail_test ORDER BY k`)).map((r) => `${r.k}=${r.n}`);

  it('runs the work, then the tail in order, commits, and hands the tail’s rows to `after` once committed', async () => {
    const answer = await transactionEndingWith(ds, async (manager) => {
      await manager.query(`INSERT INTO tail_test (k, n) VALUES ('a', 1)`);
      await afterCommit.run(manager, () => void heard.push('after commit'));
      return {
        statements: [
          { sql: `UPDATE tail_test SET n = n + $1 WHERE k = 'a' RETURNING n`, params: [41] },
          // Sent before the answer of the one ahead, yet it sees its effect.
          { sql: `INSERT INTO tail_test (k, n) SELECT 'b', n FROM tail_test WHERE k = 'a' RETURNING n`, params: [] },
        ],
        after: (tail) => {
          heard.push('after');
          return tail.map((r) => (r as { n: number }[])[0].n);
        },
      };
    });
    expect(answer).toEqual([42, 42]);
    expect(heard).toEqual(['after commit', 'after']);
    expect(await rows()).toEqual(['a=42', 'b=42']);
    // The connection is back to one statement at a time, and outside any transaction.
    expect(await ds.query(`SELECT count(*)::int AS n FROM tail_test`)).toEqual([{ n: 2 }]);
    expect(await ds.query(`SELECT now() = statement_timestamp() AS outside`)).toEqual([{ outside: true }]);
  });

  it('rolls everything back when a statement of the tail fails, throws its error and runs no after-commit work', async () => {
    await ds.query(`INSERT INTO tail_test (k, n) VALUES ('taken', 0)`);
    const attempt = transactionEndingWith(ds, async (manager) => {
      await manager.query(`INSERT INTO tail_test (k, n) VALUES ('a', 1)`);
      await afterCommit.run(manager, () => void heard.push('after commit'));
      return {
        statements: [
          { sql: `UPDATE tail_test SET n = 2 WHERE k = 'a'`, params: [] },
          { sql: `INSERT INTO tail_test (k, n) VALUES ('taken', 1)`, params: [] },
          { sql: `INSERT INTO tail_test (k, n) VALUES ('c', 3)`, params: [] },
        ],
        after: () => heard.push('after'),
      };
    });
    const error = await attempt.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(heard).toEqual([]);
    expect(await rows()).toEqual(['taken=0']);
  });

  it('rolls back when the work itself throws, before any tail', async () => {
    await expect(
      transactionEndingWith(ds, async (manager) => {
        await manager.query(`INSERT INTO tail_test (k, n) VALUES ('a', 1)`);
        throw new Error('the use case changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    expect(await rows()).toEqual([]);
  });

  it('commits a work with no tail (answered) and returns its answer', async () => {
    const answer = await transactionEndingWith(ds, async (manager) => {
      await manager.query(`INSERT INTO tail_test (k, n) VALUES ('a', 7)`);
      return answered('done');
    });
    expect(answer).toBe('done');
    expect(await rows()).toEqual(['a=7']);
  });

  /** Counts the writes on the pool's one connection while `run` runs. */
  const writesDuring = async (run: () => Promise<unknown>): Promise<number> => {
    const client = await (ds.driver as unknown as { master: { connect(): Promise<{ release(): void; connection: { stream: object } }> } }).master.connect();
    client.release();
    const stream = client.connection.stream as { _writeGeneric: (...args: unknown[]) => unknown };
    const own = Object.prototype.hasOwnProperty.call(stream, '_writeGeneric');
    const write = stream._writeGeneric;
    let writes = 0;
    stream._writeGeneric = function (this: unknown, ...args: unknown[]) {
      writes++;
      return write.apply(this, args);
    };
    try {
      await run();
    } finally {
      if (own) stream._writeGeneric = write;
      else delete (stream as Partial<typeof stream>)._writeGeneric;
    }
    return writes;
  };

  it('sends START with the work’s first statement, and the tail with the COMMIT: two writes', async () => {
    const writes = await writesDuring(() =>
      transactionEndingWith(ds, async (manager) => {
        await manager.query(`INSERT INTO tail_test (k, n) VALUES ('a', 1)`);
        return { statements: [{ sql: `UPDATE tail_test SET n = n + 1 WHERE k = 'a'`, params: [] }], after: () => undefined };
      }),
    );
    expect(writes).toBe(2);
    expect(await rows()).toEqual(['a=2']);
  });

  it('sends a transaction whose work waits for nothing — START, every statement, COMMIT — in one write, and answers each statement’s rows', async () => {
    let answer: unknown;
    const writes = await writesDuring(async () => {
      answer = await transactionEndingWith(ds, async () => ({
        statements: [
          { sql: `INSERT INTO tail_test (k, n) VALUES ('a', 1) RETURNING n`, params: [] },
          { sql: `INSERT INTO tail_test (k, n) SELECT 'b', n + 1 FROM tail_test WHERE k = 'a' RETURNING n`, params: [] },
        ],
        after: (tail) => tail,
      }));
    });
    expect(writes).toBe(1);
    expect(answer).toEqual([[{ n: 1 }], [{ n: 2 }]]);
    expect(await rows()).toEqual(['a=1', 'b=2']);
    // Back to one statement at a time once every answer is in, START's included.
    expect(await ds.query(`SELECT now() = statement_timestamp() AS outside`)).toEqual([{ outside: true }]);
  });

  it('rolls such a one-write transaction back whole when one of its statements fails', async () => {
    await ds.query(`INSERT INTO tail_test (k, n) VALUES ('b', 0)`);
    const error = await transactionEndingWith(ds, async () => ({
      statements: [
        { sql: `INSERT INTO tail_test (k, n) VALUES ('a', 1)`, params: [] },
        { sql: `INSERT INTO tail_test (k, n) VALUES ('b', 2)`, params: [] },
      ],
      after: () => undefined,
    })).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(await rows()).toEqual(['b=0']);
    expect(await ds.query(`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });

  // The embedded database runs one transaction at a time: a second connection would wait for this one.
  const onServer = process.env.TEST_DATABASE_URL ? it : it.skip;
  onServer('keeps the transaction isolated until the commit: another connection does not see the work before it', async () => {
    const other = new DataSource(typeormOptions(db.url, 1));
    await other.initialize();
    try {
      let seenInside: unknown;
      await transactionEndingWith(ds, async (manager) => {
        await manager.query(`INSERT INTO tail_test (k, n) VALUES ('a', 1)`);
        seenInside = await other.query(`SELECT count(*)::int AS n FROM tail_test`);
        return answered(undefined);
      });
      expect(seenInside).toEqual([{ n: 0 }]);
      expect(await other.query(`SELECT count(*)::int AS n FROM tail_test`)).toEqual([{ n: 1 }]);
    } finally {
      await other.destroy();
    }
  });
});
