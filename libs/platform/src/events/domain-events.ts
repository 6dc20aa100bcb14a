import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AfterCommit } from './after-commit';

/**
 * The facts a context announces, by name, with what each carries. Each context adds its own
 * next to the code that publishes them, by declaration merging:
 *
 *     declare module '@palabre/platform' {
 *       interface DomainEventMap { 'program.released': { eventId: string; ... } }
 *     }
 *
 * so the platform carries them without knowing any context.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the contexts (declaration merging)
export interface DomainEventMap {}

/** One fact as published: its name and what it carries. */
export type DomainEventOf<M, N extends keyof M = keyof M> = N extends keyof M ? { name: N } & M[N] : never;

export type DomainEvent<N extends keyof DomainEventMap = keyof DomainEventMap> = DomainEventOf<DomainEventMap, N>;

type Handler<E> = (event: E) => void | Promise<void>;

/**
 * A small typed bus for facts of the domain (the model of immich's EventRepository and
 * pretalx's signals): a context publishes what happened, others react without the first one
 * knowing them. A fact published inside a transaction reaches its handlers once that
 * transaction commits, never when it rolls back; published outside one, at once. Handlers run
 * in this process, one after the other, before `publish` (or the commit) returns; a handler
 * that fails is logged and does not undo the write.
 */
@Injectable()
export class DomainEvents<M = DomainEventMap> {
  private readonly handlers = new Map<keyof M, Handler<never>[]>();

  constructor(private readonly afterCommit: AfterCommit) {}

  on<N extends keyof M>(name: N, handler: Handler<DomainEventOf<M, N>>): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }

  /** Pass the manager of the transaction that made the fact true (none outside a transaction). */
  async publish(manager: EntityManager | undefined, event: DomainEventOf<M>): Promise<void> {
    // One piece of work per handler: one that fails does not keep the others from running.
    for (const handler of this.handlers.get(event.name) ?? []) await this.afterCommit.run(manager, () => (handler as Handler<DomainEventOf<M>>)(event));
  }
}
