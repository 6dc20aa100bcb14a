import { Injectable } from '@nestjs/common';
import { BackgroundJob } from '@palabre/platform';
import { IdempotencyKeys } from './idempotency-keys';

/** Idempotency keys answer for 24 hours, then go. */
@Injectable()
export class IdempotencyPurge implements BackgroundJob {
  readonly name = 'idempotency-purge';
  readonly intervalMs = 60 * 60_000;

  constructor(private readonly keys: IdempotencyKeys) {}

  tick(): Promise<number> {
    return this.keys.purge();
  }
}
