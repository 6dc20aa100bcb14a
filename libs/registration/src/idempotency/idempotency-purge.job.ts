import { Job, ScheduledJob } from '@palabre/platform';
import { IdempotencyKeys } from './idempotency-keys';

/** Idempotency keys answer for 24 hours, then go. */
@Job('idempotency-purge', { intervalMs: 60 * 60_000 })
export class IdempotencyPurge extends ScheduledJob {
  constructor(private readonly keys: IdempotencyKeys) {
    super();
  }

  tick(): Promise<number> {
    return this.keys.purge();
  }
}
