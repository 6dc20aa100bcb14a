import type { Client, QueryResult } from 'pg';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** One SQL statement and its parameters, for a caller to run or to join into its own. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * What a transaction ends with: its last statements, sent together with the COMMIT, and what
 * to make of their rows once it has committed (`after` runs after the commit, outside the transaction).
 */
export interface TransactionTail<T> {
  statements: Statement[];
  after(rows: unknown[][]): T | Promise<T>;
}

/** A tail with no statement: the transaction's work already knows its answer. */
export function answered<T>(value: T): TransactionTail<T> {
  return { statements: [], after: () => value };
}

/**
 * A transaction whose last statements leave in one write with its COMMIT (PostgreSQL's
 * pipeline mode), so that a lock those statements take — a hot row such as an event's seat
 * pool — is held for their execution and the commit only, inside the server: not for a round
 * trip through this process's event loop, which under load waits behind other requests' work
 * and made that lock's span, not the database, the bound of a registration rush. `START
 * TRANSACTION` goes out without waiting for its answer, in one write with the work's first statement.
 *
 * Commit or rollback, `AfterCommit` and the other transaction subscribers see what they see
 * after `dataSource.transaction`. A statement of the tail that fails aborts the transaction
 * (the COMMIT behind it then answers ROLLBACK) and its error is thrown.
 */
export async function transactionEndingWith<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<TransactionTail<T>>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as Client & { pipeline: boolean };
  try {
    const { start } = await begin(runner, client);
    let tail: TransactionTail<T>;
    try {
      tail = await work(runner.manager);
    } catch (error) {
      await start.catch(() => undefined);
      // On a connection that died (the server stopped) the ROLLBACK fails too: the work's own
      // error says what happened (a domain refusal, or the lost connection, answered 503), and
      // the connection leaves the pool instead of going back to it.
      await runner.rollbackTransaction().catch((lost: unknown) => discard(runner, lost));
      throw error;
    }
    await runner.broadcaster.broadcast('BeforeTransactionCommit');
    // Whether or not START has answered: a work that sent nothing has its whole transaction in one write.
    const answers = pipelined(client, [...tail.statements, { sql: 'COMMIT', params: [] }]);
    const [started, ...settled] = await Promise.allSettled([start, ...answers]);
    ended(runner);
    const failed = [started, ...settled].find((s): s is PromiseRejectedResult => s.status === 'rejected');
    const commit = settled.at(-1) as PromiseFulfilledResult<QueryResult> | PromiseRejectedResult;
    if (failed || commit.status !== 'fulfilled' || commit.value.command !== 'COMMIT') {
      await runner.broadcaster.broadcast('AfterTransactionRollback');
      throw failed ? failed.reason : new Error('the transaction did not commit');
    }
    await runner.broadcaster.broadcast('AfterTransactionCommit');
    return await tail.after(settled.slice(0, -1).map((s) => (s as PromiseFulfilledResult<QueryResult>).value.rows));
  } finally {
    await runner.release();
  }
}

/**
 * `START TRANSACTION`, sent without waiting for its answer: the work's first statement follows
 * it on the wire. Resolves once the runner is in its transaction (TypeORM's state and its
 * start events), with the START's own answer still to come.
 */
async function begin(runner: QueryRunner, client: Client & { pipeline: boolean }): Promise<{ start: Promise<QueryResult> }> {
  state(runner).isTransactionActive = true;
  await runner.broadcaster.broadcast('BeforeTransactionStart');
  // Held back until the work's first statement is written too (it is, in the same turn of the
  // event loop, when the work reaches it without I/O): one write and one wake-up of the server
  // for both. Whatever the work does, the START leaves at the latest on the loop's next turn.
  const stream = socket(client);
  stream.cork?.();
  setImmediate(() => stream.uncork?.());
  const [start] = pipelined(client, [{ sql: 'START TRANSACTION', params: [] }]);
  start.catch(() => undefined); // settled with the tail; a lost connection fails the work's own statement first
  state(runner).transactionDepth = 1;
  await runner.broadcaster.broadcast('AfterTransactionStart');
  // A START that fails (it cannot, short of a lost connection) fails the statement behind it too.
  return { start };
}

/** Statements sent in pipeline mode and not answered yet, by client. */
const unanswered = new WeakMap<Client, number>();

/** The statements written at once, without waiting for each answer; their answers in order. */
function pipelined(client: Client & { pipeline: boolean }, statements: Statement[]): Promise<QueryResult>[] {
  const stream = socket(client);
  client.pipeline = true;
  unanswered.set(client, (unanswered.get(client) ?? 0) + statements.length);
  stream.cork?.();
  let answers: Promise<QueryResult>[];
  try {
    answers = statements.map((s) => client.query(s.sql, s.params));
  } finally {
    stream.uncork?.();
  }
  // Back to one at a time once every answer is in, this call's and any other's still on the wire
  // (pg reads the answers of a pipeline in pipeline mode only).
  void Promise.allSettled(answers).then(() => {
    const left = (unanswered.get(client) ?? 0) - statements.length;
    unanswered.set(client, left);
    if (left === 0) client.pipeline = false;
  });
  return answers;
}

/** The client's socket (pg writes each statement's messages between a cork and an uncork of it). */
function socket(client: Client): { cork?: () => void; uncork?: () => void } {
  return (client as unknown as { connection: { stream: { cork?: () => void; uncork?: () => void } } }).connection.stream;
}

function ended(runner: QueryRunner): void {
  state(runner).isTransactionActive = false;
  state(runner).transactionDepth = 0;
}

/** What TypeORM keeps of a runner's transaction, set here as its own startTransaction and commitTransaction do. */
function state(runner: QueryRunner): { isTransactionActive: boolean; transactionDepth: number } {
  return runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
}

/** Releases a broken connection with its error, so that pg-pool closes it instead of lending it again. */
async function discard(runner: QueryRunner, error: unknown): Promise<void> {
  const postgres = runner as QueryRunner & { releasePostgresConnection(err?: Error): Promise<void> };
  await postgres.releasePostgresConnection(error instanceof Error ? error : new Error(String(error)));
}
