import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { MetricsService } from '../health/metrics.service';
import { JobLockConnection } from './job-lock-connection';
import { ClaimForce, JobRunsRepository } from './job-runs.repository';

/** A background loop: runs `tick` every `intervalMs` (sooner when a tick did work). */
export interface BackgroundJob {
  name: string;
  /** Between the end of a run and the next one. */
  intervalMs: number;
  /** Does one batch of work; returns how many items it handled (0 = idle). */
  tick(): Promise<number>;
  /**
   * After a failed run the job is due again after `baseMs`, doubled with each failure in a
   * row, at most `maxMs`. Default: the interval (at most 30 s), up to an hour.
   */
  retry?: { baseMs: number; maxMs?: number };
  /**
   * Embedded database only: how long a run holds the job without renewing its lease (it is
   * renewed while the run goes on) before another process may take the job over. Default 15 s.
   */
  leaseMs?: number;
  /**
   * For a job whose own work is claimed item by item so that several processes may do it side
   * by side (outbox delivery: each message leased with SKIP LOCKED): no job-wide lock, so
   * workers scale out. Still one run at a time inside a process, retried with backoff, counted.
   */
  sideBySide?: boolean;
}

const DEFAULT_LEASE_MS = 15_000;
const DEFAULT_RETRY_BASE_MS = 30_000;
const DEFAULT_RETRY_MAX_MS = 3_600_000;
/** How long `drain()` waits for another process to finish a run of the same job. */
const DRAIN_LOCK_WAIT_MS = 60_000;
const DRAIN_LOCK_POLL_MS = 50;

/** How one attempt to run a job ended. */
type Attempt =
  | { kind: 'ran'; handled: number; error?: unknown; nextInMs: number }
  /** Another process runs it now. */
  | { kind: 'busy' }
  /** Not due yet (its interval or a failure's backoff). */
  | { kind: 'not-due'; waitMs: number };

/**
 * Holds the background jobs that contexts register (outbox delivery, purges, sweeps; soon hold
 * expiry, reminders, no-show release, anonymization) and runs them in the worker process — or
 * inside the api when it runs alone. Every job, in every process that registers it:
 *
 * - runs one at a time across processes: a PostgreSQL advisory lock per job name, taken with
 *   a try-lock on the runner's own connection (a server frees it if the process dies); on the
 *   embedded database, where every connection shares one session, a lease in `job_runs`;
 * - keeps its schedule and its failures in `job_runs`, so a restart neither forgets a backoff
 *   nor skips a job that was due;
 * - is retried with exponential backoff when a run fails;
 * - is counted in /metrics: `palabre_job_runs_total`, `palabre_job_failures_total`,
 *   `palabre_job_last_success_timestamp_seconds`, `palabre_job_consecutive_failures`.
 */
@Injectable()
export class JobRunner implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('JobRunner');
  private readonly jobs = new Map<string, BackgroundJob>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly wakers = new Map<string, () => void>();
  /** Jobs poked while busy: their loop goes round again at once instead of sleeping. */
  private readonly poked = new Set<string>();
  /** One run per job at a time inside this runner too (its loop and a drain). */
  private readonly inProcess = new Map<string, Promise<unknown>>();
  private readonly known = new Set<string>();
  private readonly owner = `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
  private readonly store: JobRunsRepository;
  private readonly locks: JobLockConnection;
  private oneSession?: Promise<boolean>;
  private stopping = false;
  private started = false;

  private readonly runs;
  private readonly failures;
  private readonly lastSuccess;
  private readonly failingInARow;

  constructor(dataSource: DataSource, metrics: MetricsService) {
    this.store = new JobRunsRepository(dataSource);
    this.locks = new JobLockConnection(dataSource);
    this.runs = metrics.counter('palabre_job_runs_total', 'Background job runs by this process (succeeded or failed)', ['job'] as const);
    this.failures = metrics.counter('palabre_job_failures_total', 'Background job runs that failed in this process', ['job'] as const);
    this.lastSuccess = metrics.gauge('palabre_job_last_success_timestamp_seconds', 'When the job last succeeded, in any process (0: never)', ['job'] as const);
    this.failingInARow = metrics.gauge('palabre_job_consecutive_failures', 'Failed runs of the job since its last success', ['job'] as const);
  }

  register(job: BackgroundJob): void {
    this.jobs.set(job.name, job);
    // Every registered job shows in /metrics from the start, at zero.
    this.runs.inc({ job: job.name }, 0);
    this.failures.inc({ job: job.name }, 0);
  }

  list(): string[] {
    return [...this.jobs.keys()];
  }

  /**
   * Runs every registered job (or those named) now, whatever its schedule, until it has
   * nothing left to do (the CLI's drain). A run another process holds is waited for. A
   * failure is recorded (and backed off) like any other, then thrown.
   */
  async drain(names?: string[]): Promise<Record<string, number>> {
    const totals: Record<string, number> = {};
    try {
      for (const job of this.jobs.values()) {
        if (names && !names.includes(job.name)) continue;
        const deadline = Date.now() + DRAIN_LOCK_WAIT_MS;
        let attempt = await this.attempt(job, 'always');
        // Refused only while another process runs it (or just finished: the refusal raced its end).
        while (attempt.kind !== 'ran' && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, DRAIN_LOCK_POLL_MS));
          attempt = await this.attempt(job, 'always');
        }
        if (attempt.kind !== 'ran') throw new Error(`job ${job.name} is still running in another process`);
        if (attempt.error !== undefined) throw attempt.error;
        totals[job.name] = attempt.handled;
      }
    } finally {
      // A runner that only drains (the CLI, a test) keeps no connection afterwards.
      if (!this.started) await this.locks.close();
    }
    return totals;
  }

  start(): void {
    this.stopping = false;
    this.started = true;
    for (const job of this.jobs.values()) {
      if (this.running.has(job.name)) continue;
      this.running.set(job.name, this.loop(job));
    }
    this.logger.log(`background jobs running: ${this.list().join(', ') || 'none'}`);
  }

  /**
   * Wakes a job now (e.g. after a request queued mail), instead of at its next interval. A
   * poke that arrives during a run is remembered, so work committed meanwhile is not left
   * waiting for the interval. A job waiting out a failure's backoff stays asleep.
   */
  poke(name: string): void {
    // Only a started runner remembers pokes: elsewhere (the CLI, an api without its loops) they mean nothing.
    if (!this.started || !this.jobs.has(name)) return;
    const wake = this.wakers.get(name);
    if (wake) {
      this.wakers.delete(name);
      wake();
    } else {
      this.poked.add(name);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.started = false;
    this.poked.clear();
    for (const [name, wake] of this.wakers) {
      wake();
      this.wakers.delete(name);
    }
    await Promise.all(this.running.values());
    this.running.clear();
    await this.locks.close();
  }

  /** Before the database closes: the run under way records how it ended. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private async loop(job: BackgroundJob): Promise<void> {
    let force: ClaimForce = 'none';
    while (!this.stopping) {
      let sleepMs: number;
      try {
        const attempt = await this.attempt(job, force);
        // Busy: another process runs it; look again by the time its lease would have run out, should it have died.
        sleepMs =
          attempt.kind === 'ran' ? attempt.nextInMs : attempt.kind === 'not-due' ? attempt.waitMs : Math.min(job.intervalMs, job.leaseMs ?? DEFAULT_LEASE_MS);
      } catch (error) {
        // The database itself failed (a run's own failures are handled in attempt): look again later.
        this.logger.warn({ job: job.name, err: (error as Error).message }, `job ${job.name}: could not reach its state; retrying`);
        sleepMs = job.intervalMs;
      }
      if (this.stopping) break;
      // A poke now, or one that came during the attempt, runs the job again at once; else it waits until due.
      force = this.poked.delete(job.name) || (await this.sleep(job.name, sleepMs)) ? 'unless-failing' : 'none';
    }
  }

  /** Resolves true when poked, false when the time is up. */
  private sleep(name: string, ms: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(
        () => {
          this.wakers.delete(name);
          resolve(false);
        },
        Math.max(0, Math.min(ms, 2_147_483_647)),
      );
      this.wakers.set(name, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** One run of the job if it is due (or forced) and nobody else runs it, in this process or another. */
  private attempt(job: BackgroundJob, force: ClaimForce): Promise<Attempt> {
    const previous = this.inProcess.get(job.name) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.attemptAlone(job, force));
    this.inProcess.set(job.name, next);
    return next;
  }

  private async attemptAlone(job: BackgroundJob, force: ClaimForce): Promise<Attempt> {
    if (job.sideBySide) return this.runSideBySide(job);
    if (!this.known.has(job.name)) {
      await this.store.ensure(job.name);
      this.known.add(job.name);
    }
    this.oneSession ??= this.store.sharesOneSession();
    // On a server the advisory lock decides; PGlite's one session holds every lock at once, so there the lease does.
    const useLock = !(await this.oneSession);
    if (useLock && !(await this.locks.tryLock(job.name))) return { kind: 'busy' };
    try {
      const leaseMs = job.leaseMs ?? DEFAULT_LEASE_MS;
      const claim = await this.store.claim(job.name, this.owner, { leaseMs, lockHeld: useLock, force });
      if (claim !== true) {
        this.lastSuccess.set({ job: job.name }, claim.lastSuccess ?? 0);
        this.failingInARow.set({ job: job.name }, claim.consecutiveFailures);
        return claim.busy ? { kind: 'busy' } : { kind: 'not-due', waitMs: claim.waitMs };
      }
      return await this.run(job, leaseMs, useLock);
    } finally {
      if (useLock)
        await this.locks
          .unlock(job.name)
          .catch((error: unknown) => this.logger.warn({ job: job.name, err: (error as Error).message }, 'could not release a job lock'));
    }
  }

  /** Ticks until the job has nothing left to do or the runner stops; a tick that throws ends the ticking, and its error is the `failure`. */
  private async tickUntilDone(job: BackgroundJob): Promise<{ handled: number; moreWork: boolean; failure?: { error: unknown } }> {
    let handled = 0;
    try {
      for (;;) {
        const n = await job.tick();
        handled += n;
        if (n === 0 || this.stopping) return { handled, moreWork: n > 0 };
      }
    } catch (error) {
      return { handled, moreWork: false, failure: { error } };
    }
  }

  /** Failures in a row of the side-by-side jobs, kept by this process (they have no job-wide row to own). */
  private readonly sideBySideFailures = new Map<string, number>();

  private async runSideBySide(job: BackgroundJob): Promise<Attempt> {
    const { handled, moreWork, failure } = await this.tickUntilDone(job);
    if (failure) {
      const { error } = failure;
      this.runs.inc({ job: job.name });
      this.failures.inc({ job: job.name });
      const inARow = (this.sideBySideFailures.get(job.name) ?? 0) + 1;
      this.sideBySideFailures.set(job.name, inARow);
      this.failingInARow.set({ job: job.name }, inARow);
      const baseMs = job.retry?.baseMs ?? Math.min(job.intervalMs, DEFAULT_RETRY_BASE_MS);
      const retryInMs = Math.min(Math.max(baseMs, job.retry?.maxMs ?? DEFAULT_RETRY_MAX_MS), baseMs * 2 ** (inARow - 1));
      this.logger.warn(
        { job: job.name, err: error instanceof Error ? error.message : String(error), failuresInARow: inARow, retryInMs },
        `job ${job.name} failed; retrying with backoff`,
      );
      return { kind: 'ran', handled, error, nextInMs: retryInMs };
    }
    this.runs.inc({ job: job.name });
    this.sideBySideFailures.delete(job.name);
    this.failingInARow.set({ job: job.name }, 0);
    this.lastSuccess.set({ job: job.name }, Math.floor(Date.now() / 1000));
    return { kind: 'ran', handled, nextInMs: moreWork ? 0 : job.intervalMs };
  }

  /** Ticks until the job has nothing left to do (or the runner stops), then records the outcome. */
  private async run(job: BackgroundJob, leaseMs: number, lockHeld: boolean): Promise<Attempt> {
    // Without the lock, the lease is what keeps other processes out: renew it while the run lasts.
    const heartbeat = lockHeld ? undefined : setInterval(() => void this.renew(job.name, leaseMs), Math.max(10, Math.floor(leaseMs / 3)));
    const { handled, moreWork, failure } = await this.tickUntilDone(job);
    clearInterval(heartbeat);
    if (failure) return this.failed(job, handled, failure.error);
    this.runs.inc({ job: job.name });
    // Stopped with work left: due at once for whoever runs next.
    const nextInMs = moreWork ? 0 : job.intervalMs;
    const lastSuccess = await this.store.succeeded(job.name, this.owner, nextInMs);
    if (lastSuccess === null) this.logger.warn({ job: job.name }, `job ${job.name}: its lease ran out during the run`);
    else this.lastSuccess.set({ job: job.name }, lastSuccess);
    this.failingInARow.set({ job: job.name }, 0);
    return { kind: 'ran', handled, nextInMs };
  }

  private async failed(job: BackgroundJob, handled: number, error: unknown): Promise<Attempt> {
    this.runs.inc({ job: job.name });
    this.failures.inc({ job: job.name });
    const message = error instanceof Error ? error.message : String(error);
    const baseMs = job.retry?.baseMs ?? Math.min(job.intervalMs, DEFAULT_RETRY_BASE_MS);
    const maxMs = Math.max(baseMs, job.retry?.maxMs ?? DEFAULT_RETRY_MAX_MS);
    const recorded = await this.store.failed(job.name, this.owner, message, { baseMs, maxMs });
    const retryInMs = recorded?.retryInMs ?? baseMs;
    this.failingInARow.set({ job: job.name }, recorded?.consecutiveFailures ?? 1);
    this.logger.warn(
      { job: job.name, err: message, failuresInARow: recorded?.consecutiveFailures, retryInMs: Math.round(retryInMs) },
      `job ${job.name} failed; retrying with backoff`,
    );
    return { kind: 'ran', handled, error, nextInMs: retryInMs };
  }

  private async renew(name: string, leaseMs: number): Promise<void> {
    try {
      if (!(await this.store.renew(name, this.owner, leaseMs))) this.logger.warn({ job: name }, `job ${name}: lease lost`);
    } catch (error) {
      this.logger.warn({ job: name, err: (error as Error).message }, `job ${name}: could not renew its lease`);
    }
  }
}
