import { BackgroundJob, JobRunner } from './job-runner';

/** A job that counts its ticks and can be told to poke the runner while it works. */
function aJob(runner: JobRunner, options: { pokeDuringTick?: number } = {}) {
  const ticks: number[] = [];
  const job: BackgroundJob = {
    name: 'mail',
    intervalMs: 60_000,
    async tick() {
      ticks.push(Date.now());
      if (ticks.length === options.pokeDuringTick) runner.poke('mail');
      await new Promise((r) => setTimeout(r, 5));
      return 0;
    },
  };
  runner.register(job);
  return ticks;
}

const until = async (check: () => boolean, ms = 1000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  return check();
};

describe('the job runner', () => {
  it('wakes a sleeping job when poked, long before its interval', async () => {
    const runner = new JobRunner();
    const ticks = aJob(runner);
    runner.start();
    try {
      await until(() => ticks.length === 1);
      await new Promise((r) => setTimeout(r, 20));
      runner.poke('mail');
      expect(await until(() => ticks.length === 2)).toBe(true);
    } finally {
      await runner.stop();
    }
  });

  it('remembers a poke that arrives during a tick and goes round again instead of sleeping', async () => {
    const runner = new JobRunner();
    const ticks = aJob(runner, { pokeDuringTick: 1 });
    runner.start();
    try {
      expect(await until(() => ticks.length === 2)).toBe(true);
      // Only one extra round: the poke is used up.
      await new Promise((r) => setTimeout(r, 50));
      expect(ticks).toHaveLength(2);
    } finally {
      await runner.stop();
    }
  });

  it('ignores a poke for a job that is not running', async () => {
    const runner = new JobRunner();
    const ticks = aJob(runner);
    runner.poke('mail');
    runner.poke('nothing-by-that-name');
    expect(await runner.drain()).toEqual({ mail: 0 });
    expect(ticks).toHaveLength(1);
    runner.start();
    await until(() => ticks.length === 2);
    await new Promise((r) => setTimeout(r, 50));
    await runner.stop();
    // A poke before start is not carried into the loop.
    expect(ticks).toHaveLength(2);
  });
});
