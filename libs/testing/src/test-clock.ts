import { Clock } from '@palabre/platform';

/**
 * The instant the test suite lives in, whatever day the machine says it is: a Wednesday in
 * the middle of a month, 09:00 UTC. `TEST_NOW` (ISO 8601) puts it elsewhere and
 * `TEST_CLOCK_SHIFT_DAYS` moves it by whole days; `.ci/run` uses both to run the
 * date-sensitive suites on every weekday and across a month's end.
 */
export function testInstant(env: NodeJS.ProcessEnv = process.env): Date {
  const base = env.TEST_NOW ? Date.parse(env.TEST_NOW) : Date.UTC(2026, 5, 10, 9, 0, 0);
  if (Number.isNaN(base)) throw new Error(`TEST_NOW is not an ISO 8601 instant: ${env.TEST_NOW}`);
  const shift = Number(env.TEST_CLOCK_SHIFT_DAYS ?? 0);
  if (!Number.isInteger(shift)) throw new Error(`TEST_CLOCK_SHIFT_DAYS is not a whole number: ${env.TEST_CLOCK_SHIFT_DAYS}`);
  return new Date(base + shift * 86_400_000);
}

/**
 * Starts at the suite's fixed instant and ticks with the real time from there (expiries,
 * idle timeouts and ordering still see time pass); `advance` jumps ahead to let links,
 * invitations and sessions expire.
 */
export class TestClock extends Clock {
  private readonly origin: number;
  private readonly startedAt = Date.now();
  private offsetMs = 0;

  constructor(start: Date = testInstant()) {
    super();
    this.origin = start.getTime();
  }

  now(): Date {
    return new Date(this.origin + (Date.now() - this.startedAt) + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
