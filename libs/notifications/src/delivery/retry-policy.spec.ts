import { MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-policy';

describe('retry delay', () => {
  it.each([
    // attempts, base, random → delay
    [1, 30_000, 0, 15_000],
    [1, 30_000, 1, 30_000],
    [2, 30_000, 0, 30_000],
    [3, 30_000, 0.5, 90_000],
    [5, 30_000, 1, 480_000],
  ])('after %i failed attempt(s) with a %i ms base and jitter %p waits %i ms', (attempts, base, random, expected) => {
    expect(retryDelayMs(attempts, base, () => random)).toBe(expected);
  });

  it('doubles on each attempt but never waits more than an hour', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20].map((a) => retryDelayMs(a, 30_000, () => 1));
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
    expect(Math.max(...delays)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('spreads messages that failed together over the second half of the window', () => {
    const delays = Array.from({ length: 200 }, () => retryDelayMs(3, 1000));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(4000);
    expect(new Set(delays).size).toBeGreaterThan(50);
  });
});
