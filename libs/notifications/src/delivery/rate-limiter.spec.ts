import { RateLimiter } from './rate-limiter';

describe('the mail rate limiter', () => {
  const clock = () => {
    let t = 0;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('allows a second’s worth at once, then the steady rate', () => {
    const c = clock();
    const limiter = new RateLimiter(600, c.now); // 10 a second
    expect(limiter.available(50)).toBe(10);
    limiter.take(10);
    expect(limiter.available(50)).toBe(0);
    expect(limiter.msUntilNext()).toBe(100);
    c.advance(250);
    expect(limiter.available(50)).toBe(2);
    c.advance(60_000);
    expect(limiter.available(50)).toBe(10);
  });

  it('lets at least one message through at a slow rate, then waits for the next', () => {
    const c = clock();
    const limiter = new RateLimiter(6, c.now); // one every 10 s
    expect(limiter.available(5)).toBe(1);
    limiter.take(1);
    expect(limiter.available(5)).toBe(0);
    expect(limiter.msUntilNext()).toBe(10_000);
    c.advance(9_999);
    expect(limiter.available(5)).toBe(0);
    c.advance(1);
    expect(limiter.available(5)).toBe(1);
  });

  it('never sends more than the rate over a minute, however it is asked', () => {
    const c = clock();
    const limiter = new RateLimiter(120, c.now);
    let sent = 0;
    for (let ms = 0; ms < 60_000; ms += 37) {
      const n = limiter.available(7);
      limiter.take(n);
      sent += n;
      c.advance(37);
    }
    expect(sent).toBeGreaterThanOrEqual(118);
    expect(sent).toBeLessThanOrEqual(122);
  });
});
