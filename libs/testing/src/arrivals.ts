/** Messages a test server received, and the tests waiting for some to arrive. */
export class Arrivals<T> {
  readonly messages: T[] = [];
  private readonly waiters = new Set<() => void>();

  add(message: T): void {
    this.messages.push(message);
    for (const w of this.waiters) w();
  }

  /** Resolves once `count` messages (that pass `filter`) have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, { timeoutMs = 15_000, filter = () => true }: { timeoutMs?: number; filter?: (m: T) => boolean } = {}): Promise<T[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.filter(filter);
        if (found.length >= count) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`expected ${count} messages, got ${this.messages.filter(filter).length} after ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }
}
