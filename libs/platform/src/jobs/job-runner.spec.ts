import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@palabre/testing';
import { typeormOptions } from '../database/typeorm-options';
import { MetricsService } from '../health/metrics.service';
import { BackgroundJob, JobRunner } from './job-runner';

/*
 * The runner on a real PostgreSQL (the embedded one, or TEST_DATABASE_URL's server). Two
 * runner instances, each on a DataSource (a connection pool) of its own, stand for two
 * processes: on a server each has its own sessions, so the advisory locks are what keeps
 * them apart; on the embedded database it is the lease in job_runs.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(5);
  return check();
};

let db: TestDatabase;
const sources: DataSource[] = [];
const runners: JobRunner[] = [];
let jobCount = 0;

/** A fresh job name per test: the rows of job_runs outlive a test. */
const jobName = () => `test-job-${++jobCount}`;

async function aProcess(): Promise<{ runner: JobRunner; metrics: MetricsService; dataSource: DataSource }> {
  const dataSource = new DataSource(typeormOptions(db.url, 4));
  await dataSource.initialize();
  sources.push(dataSource);
  const metrics = new MetricsService();
  const runner = new JobRunner(dataSource, metrics);
  runners.push(runner);
  return { runner, metrics, dataSource };
}

/** A job that counts its ticks; `work` says what each tick does. */
function aJob(name: string, options: Partial<BackgroundJob> & { work?: (tick: number) => Promise<number> } = {}) {
  const ticks: number[] = [];
  const job: BackgroundJob = {
    name,
    intervalMs: options.intervalMs ?? 60_000,
    retry: options.retry,
    leaseMs: options.leaseMs,
    sideBySide: options.sideBySide,
    async tick() {
      ticks.push(Date.now());
      return options.work ? options.work(ticks.length) : (await sleep(5), 0);
    },
  };
  return { job, ticks };
}

async function rowOf(dataSource: DataSource, name: string) {
  const [row] = await dataSource.query<
    {
      consecutive_failures: number;
      runs: number;
      failures: number;
      last_error: string | null;
      running_by: string | null;
      due_in_ms: number;
      last_succeeded_at: Date | null;
    }[]
  >(
    `SELECT consecutive_failures, runs, failures, last_error, running_by, last_succeeded_at,
            (EXTRACT(EPOCH FROM (next_run_at - clock_timestamp())) * 1000)::float8 AS due_in_ms
       FROM job_runs WHERE name = $1`,
    [name],
  );
  return row;
}

beforeAll(async () => {
  Logger.overrideLogger(false);
  db = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});
afterAll(async () => {
  await Promise.all(sources.map((s) => s.destroy()));
  await db?.close();
  Logger.overrideLogger(true);
});

describe('the job runner', () => {
  it('wakes a sleeping job when poked, long before its interval', async () => {
    const { runner } = await aProcess();
    const { job, ticks } = aJob(jobName());
    runner.register(job);
    runner.start();
    expect(await until(() => ticks.length === 1)).toBe(true);
    await sleep(30);
    runner.poke(job.name);
    expect(await until(() => ticks.length === 2)).toBe(true);
  });

  it('remembers a poke that arrives during a run and goes round again instead of sleeping', async () => {
    const { runner } = await aProcess();
    const { job, ticks } = aJob(jobName(), {
      work: async (n) => {
        if (n === 1) runner.poke(job.name);
        await sleep(5);
        return 0;
      },
    });
    runner.register(job);
    runner.start();
    expect(await until(() => ticks.length === 2)).toBe(true);
    // Only one extra round: the poke is used up.
    await sleep(100);
    expect(ticks).toHaveLength(2);
  });

  it('ignores a poke for a job that is not running', async () => {
    const { runner } = await aProcess();
    const { job, ticks } = aJob(jobName());
    runner.register(job);
    runner.poke(job.name);
    runner.poke('nothing-by-that-name');
    expect(await runner.drain()).toEqual({ [job.name]: 0 });
    expect(ticks).toHaveLength(1);
    runner.start();
    // Just drained, so not due for a minute: the poke before start was not carried into the loop.
    await sleep(100);
    expect(ticks).toHaveLength(1);
  });

  it('goes on ticking while a tick did work, in one run', async () => {
    const { runner, dataSource } = await aProcess();
    const { job, ticks } = aJob(jobName(), { work: async (n) => (n < 4 ? 10 : 0) });
    runner.register(job);
    expect(await runner.drain()).toEqual({ [job.name]: 30 });
    expect(ticks).toHaveLength(4);
    expect(await rowOf(dataSource, job.name)).toMatchObject({ runs: 1, failures: 0, running_by: null });
  });
});

describe('one run at a time across processes', () => {
  it('two runners on their own connections never run the same job at once, and both get turns', async () => {
    const name = jobName();
    let inside = 0;
    let most = 0;
    const turns = { a: 0, b: 0 };
    const work = (who: 'a' | 'b') => async () => {
      inside++;
      most = Math.max(most, inside);
      turns[who]++;
      await sleep(15);
      inside--;
      return 0;
    };
    const a = await aProcess();
    const b = await aProcess();
    a.runner.register(aJob(name, { intervalMs: 1, work: work('a') }).job);
    b.runner.register(aJob(name, { intervalMs: 1, work: work('b') }).job);
    a.runner.start();
    b.runner.start();
    // Pokes from both sides ask for runs at every moment, the strongest temptation to overlap.
    const end = Date.now() + 1500;
    while (Date.now() < end) {
      a.runner.poke(name);
      b.runner.poke(name);
      await sleep(10);
    }
    await Promise.all([a.runner.stop(), b.runner.stop()]);
    expect(most).toBe(1);
    expect(turns.a + turns.b).toBeGreaterThanOrEqual(4);
    expect(turns.a).toBeGreaterThan(0);
    expect(turns.b).toBeGreaterThan(0);
  }, 20_000);

  it('lets a side-by-side job (its own items claimed one by one, as outbox delivery is) run in two processes at once', async () => {
    const name = jobName();
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside++;
      most = Math.max(most, inside);
      await sleep(100);
      inside--;
      return 0;
    };
    const a = await aProcess();
    const b = await aProcess();
    a.runner.register(aJob(name, { sideBySide: true, work }).job);
    b.runner.register(aJob(name, { sideBySide: true, work }).job);
    await Promise.all([a.runner.drain([name]), b.runner.drain([name])]);
    expect(most).toBe(2);
  });

  it('a drain waits for the run another process has under way instead of running beside it', async () => {
    const name = jobName();
    let inside = 0;
    let most = 0;
    const work = async (n: number) => {
      inside++;
      most = Math.max(most, inside);
      await sleep(40);
      inside--;
      return n < 3 ? 1 : 0;
    };
    const a = await aProcess();
    const b = await aProcess();
    a.runner.register(aJob(name, { work }).job);
    b.runner.register(aJob(name, { work }).job);
    const [fromA, fromB] = await Promise.all([a.runner.drain([name]), b.runner.drain([name])]);
    expect(most).toBe(1);
    // Each drain made a full run of its own, one after the other.
    expect(fromA[name] + fromB[name]).toBe(4);
  });

  it('takes over a job whose process died in the middle of a run', async () => {
    const name = jobName();
    const a = await aProcess();
    const { job, ticks } = aJob(name, { leaseMs: 300 });
    a.runner.register(job);
    await a.runner.drain([name]);
    // What a process killed mid-run leaves behind: its mark on the row, a lease that nobody renews, the job due.
    await a.dataSource.query(
      `UPDATE job_runs SET running_by = 'dead-host/1/00000000', running_until = clock_timestamp() + interval '300 milliseconds', next_run_at = clock_timestamp() WHERE name = $1`,
      [name],
    );
    const b = await aProcess();
    const fresh = aJob(name, { leaseMs: 300 });
    b.runner.register(fresh.job);
    b.runner.start();
    // On a server at once (no session holds the lock); on the embedded database once the lease has run out.
    expect(await until(() => fresh.ticks.length === 1, 3000)).toBe(true);
    expect(ticks).toHaveLength(1);
    await b.runner.stop();
    expect(await rowOf(b.dataSource, name)).toMatchObject({ running_by: null, runs: 2 });
  });
});

describe('a failing job', () => {
  it('is retried with a backoff that doubles, then runs on its schedule again once it succeeds', async () => {
    const { runner, dataSource } = await aProcess();
    const { job, ticks } = aJob(jobName(), {
      retry: { baseMs: 100 },
      work: async (n) => {
        if (n <= 3) throw new Error(`relay down (${n})`);
        return 0;
      },
    });
    runner.register(job);
    runner.start();
    expect(await until(() => ticks.length === 3, 5000)).toBe(true);
    // The third run has started; its failure is written once it has thrown (later on a loaded machine).
    let failing = await rowOf(dataSource, job.name);
    for (const end = Date.now() + 5000; failing.consecutive_failures < 3 && Date.now() < end; failing = await rowOf(dataSource, job.name)) await sleep(5);
    expect(failing).toMatchObject({ consecutive_failures: 3, failures: 3, last_error: 'relay down (3)' });
    // The third failure waits 400 ms: base × 2².
    expect(failing.due_in_ms).toBeGreaterThan(250);
    expect(failing.due_in_ms).toBeLessThanOrEqual(400);
    expect(await until(() => ticks.length === 4, 5000)).toBe(true);
    const gaps = ticks.slice(1).map((t, i) => t - ticks[i]);
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
    expect(gaps[1]).toBeGreaterThanOrEqual(190);
    expect(gaps[2]).toBeGreaterThanOrEqual(390);
    await runner.stop();
    const recovered = await rowOf(dataSource, job.name);
    expect(recovered).toMatchObject({ consecutive_failures: 0, runs: 4, failures: 3, last_error: null });
    expect(recovered.last_succeeded_at).toBeInstanceOf(Date);
    // Back on its schedule: due again after its interval, a minute.
    expect(recovered.due_in_ms).toBeGreaterThan(50_000);
  });

  it('keeps its backoff in the database: a restarted process waits it out, even when poked', async () => {
    const name = jobName();
    const a = await aProcess();
    a.runner.register(
      aJob(name, {
        retry: { baseMs: 600_000 },
        work: async () => {
          throw new Error('the database of a partner is down');
        },
      }).job,
    );
    await expect(a.runner.drain([name])).rejects.toThrow('the database of a partner is down');
    expect((await rowOf(a.dataSource, name)).due_in_ms).toBeGreaterThan(590_000);

    // The process restarts (a new runner): the job stays asleep for the rest of its ten minutes.
    const b = await aProcess();
    const { job, ticks } = aJob(name);
    b.runner.register(job);
    b.runner.start();
    await sleep(100);
    b.runner.poke(name);
    await sleep(100);
    expect(ticks).toHaveLength(0);
    // An operator's drain runs it all the same.
    expect(await b.runner.drain([name])).toEqual({ [name]: 0 });
    expect(ticks).toHaveLength(1);
    expect(await rowOf(b.dataSource, name)).toMatchObject({ consecutive_failures: 0 });
  });
});

describe('the job metrics', () => {
  it('count runs and failures and give the last success, per job', async () => {
    const { runner, metrics } = await aProcess();
    const name = jobName();
    const idle = jobName();
    runner.register(
      aJob(name, {
        work: async (n) => {
          if (n <= 2) throw new Error('not yet');
          return 0;
        },
      }).job,
    );
    runner.register(aJob(idle).job);
    const before = await metrics.text();
    // A registered job shows from the start, at zero.
    expect(before).toContain(`palabre_job_runs_total{job="${idle}"} 0`);
    expect(before).toContain(`palabre_job_failures_total{job="${idle}"} 0`);
    for (let i = 0; i < 2; i++) await expect(runner.drain([name])).rejects.toThrow('not yet');
    const startedAt = Date.now() / 1000;
    await runner.drain([name]);
    const text = await metrics.text();
    expect(text).toContain(`palabre_job_runs_total{job="${name}"} 3`);
    expect(text).toContain(`palabre_job_failures_total{job="${name}"} 2`);
    expect(text).toContain(`palabre_job_consecutive_failures{job="${name}"} 0`);
    const lastSuccess = Number(new RegExp(`^palabre_job_last_success_timestamp_seconds\\{job="${name}"\\} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(lastSuccess).toBeGreaterThan(startedAt - 60);
    expect(lastSuccess).toBeLessThan(Date.now() / 1000 + 60);
  });
});
