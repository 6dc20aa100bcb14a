import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

/** A background loop: runs `tick` every `intervalMs` (sooner when a tick did work). */
export interface BackgroundJob {
  name: string;
  intervalMs: number;
  /** Does one batch of work; returns how many items it handled (0 = idle). */
  tick(): Promise<number>;
}

/**
 * Holds the background jobs that contexts register (outbox delivery, hold expiry,
 * reminders) and runs them in the worker process — or inside the api when it runs alone.
 */
@Injectable()
export class JobRunner implements OnApplicationShutdown {
  private readonly logger = new Logger('JobRunner');
  private readonly jobs = new Map<string, BackgroundJob>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly wakers = new Map<string, () => void>();
  /** Jobs poked while busy: their loop goes round again at once instead of sleeping. */
  private readonly poked = new Set<string>();
  private stopping = false;
  private started = false;

  register(job: BackgroundJob): void {
    this.jobs.set(job.name, job);
  }

  list(): string[] {
    return [...this.jobs.keys()];
  }

  /** Runs every registered job once, until none has anything left to do (the CLI's drain). */
  async drain(names?: string[]): Promise<Record<string, number>> {
    const totals: Record<string, number> = {};
    for (const job of this.jobs.values()) {
      if (names && !names.includes(job.name)) continue;
      totals[job.name] = 0;
      for (;;) {
        const n = await job.tick();
        totals[job.name] += n;
        if (n === 0) break;
      }
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
   * poke that arrives during a tick is remembered, so work committed meanwhile is not left
   * waiting for the interval.
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

  private async loop(job: BackgroundJob): Promise<void> {
    while (!this.stopping) {
      let handled = 0;
      try {
        handled = await job.tick();
      } catch (error) {
        this.logger.warn({ job: job.name, err: (error as Error).message }, `job ${job.name} failed; retrying`);
      }
      if (this.stopping) break;
      if (handled > 0 || this.poked.delete(job.name)) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, job.intervalMs);
        this.timers.set(job.name, timer);
        this.wakers.set(job.name, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.wakers.delete(job.name);
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
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
