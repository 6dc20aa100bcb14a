import { testDatabaseServer } from './test-database';

/**
 * Concurrency tests that prove a lock, and where they prove it. The embedded database
 * (PGlite) runs one transaction at a time, so there a race cannot happen and such a test
 * passes with or without its lock: it still runs (the rule holds), and its name says that it
 * proves nothing about locking. Against a PostgreSQL server (TEST_DATABASE_URL, the first pass
 * of `.ci/run`) it is the proof.
 */
export const provesLocking = !!testDatabaseServer();

/** `it`, named for what it proves where it runs. */
export function itHoldsUnderConcurrency(name: string, fn: () => Promise<void>, timeout?: number): void {
  const where = provesLocking ? '[proves its lock on the PostgreSQL server]' : '[embedded database: transactions run one at a time, proves no lock]';
  it(`${name} ${where}`, fn, timeout);
}

/**
 * The negative control of a lock: with that lock switched off (TEST_WITHOUT_LOCKS) the same
 * race must break the rule, which shows the test above can see a failure. Only meaningful on a
 * server, so skipped on the embedded database — but never in CI's server pass, which
 * `.ci/run` makes mandatory.
 */
export function itBreaksWithoutItsLock(lock: string, name: string, fn: () => Promise<void>, timeout?: number): void {
  (provesLocking ? it : it.skip)(`without the ${lock} lock, ${name} [negative control, PostgreSQL server only]`, fn, timeout);
}
