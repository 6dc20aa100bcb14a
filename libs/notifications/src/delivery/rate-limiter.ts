/**
 * A token bucket for MAIL_RATE_PER_MINUTE, per process: at most a second's worth of messages
 * at once, then a steady flow. The worker claims only as many rows as it may send, so no
 * row sits leased while waiting for its turn.
 */
export class RateLimiter {
  private readonly capacity: number;
  private tokens: number;
  private last: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.capacity = Math.max(1, Math.ceil(perMinute / 60));
    this.tokens = this.capacity;
    this.last = now();
  }

  /** How many messages may go now (at most `max`). */
  available(max: number): number {
    this.refill();
    return Math.max(0, Math.min(max, Math.floor(this.tokens)));
  }

  take(n: number): void {
    this.refill();
    this.tokens -= n;
  }

  /** How long until one more message may go. */
  msUntilNext(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute);
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) * this.perMinute) / 60_000);
    this.last = t;
  }
}
