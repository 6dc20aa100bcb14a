import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

const PENDING = 'palabre:after-commit';

type Work = () => void | Promise<void>;

/** Work waiting for a commit, with the depth of the (save)point it was queued in. */
interface Pending {
  depth: number;
  work: Work;
}

/**
 * Runs work once the transaction it was queued in has committed, and never when it rolls
 * back: what happens after a write (a cache forgets, the mail loop looks at the outbox) must
 * not see, or announce, a write that may still be undone. TypeORM has no such hook, so this
 * is a subscriber of the data source's commit and rollback events, keeping the queue on the
 * transaction's query runner.
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger('AfterCommit');

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  /**
   * After the commit of the transaction `manager` belongs to; at once when it has none. Work
   * that fails is logged: the write it follows has committed all the same.
   */
  async run(manager: EntityManager | undefined, work: Work): Promise<void> {
    const runner = manager?.queryRunner;
    if (!runner?.isTransactionActive) return this.perform([work]);
    pending(runner).push({ depth: depth(runner), work });
  }

  async afterTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    const queued = queryRunner.data[PENDING] as Pending[] | undefined;
    if (!queued) return;
    if (queryRunner.isTransactionActive) {
      // A savepoint released: its work now waits for the enclosing transaction.
      for (const p of queued) p.depth = Math.min(p.depth, depth(queryRunner));
      return;
    }
    delete queryRunner.data[PENDING];
    await this.perform(queued.map((p) => p.work));
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    const queued = queryRunner.data[PENDING] as Pending[] | undefined;
    if (!queued) return;
    if (!queryRunner.isTransactionActive) delete queryRunner.data[PENDING];
    // Back to a savepoint: only what was queued inside it is dropped.
    else queryRunner.data[PENDING] = queued.filter((p) => p.depth <= depth(queryRunner));
  }

  /** One after the other, in the order queued. */
  private async perform(works: Work[]): Promise<void> {
    for (const work of works) {
      try {
        await work();
      } catch (error) {
        this.logger.error({ err: error }, 'work after commit failed');
      }
    }
  }
}

function pending(runner: QueryRunner): Pending[] {
  return ((runner.data as Record<string, Pending[] | undefined>)[PENDING] ??= []);
}

/** How many transactions deep the runner is (1: the outer one; more: savepoints). TypeORM keeps it, but not in its public type. */
function depth(runner: QueryRunner): number {
  return (runner as unknown as { transactionDepth: number }).transactionDepth;
}
