import type { EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

const QUEUED = 'palabre:outbox-queued';

/**
 * Wakes the in-process delivery loop once the transaction that queued mail has committed —
 * not before, or the worker would look for a row it cannot see yet. A request pays for one
 * flag and one function call; it never waits for SMTP.
 */
export class OutboxWakeUp implements EntitySubscriberInterface {
  constructor(private readonly wake: () => void) {}

  /** Called by enqueue: wake now when there is no transaction, else after its commit. */
  queued(queryRunner: QueryRunner | undefined): void {
    if (queryRunner?.isTransactionActive) queryRunner.data[QUEUED] = true;
    else this.wake();
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A nested transaction's commit only releases a savepoint: wait for the outer one.
    if (event.queryRunner.isTransactionActive || !event.queryRunner.data[QUEUED]) return;
    delete event.queryRunner.data[QUEUED];
    this.wake();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) delete event.queryRunner.data[QUEUED];
  }
}
