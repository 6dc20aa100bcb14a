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

export interface HandlerOptions {
  /**
   * The handler keeps something of this process up to date (a cache): it also hears the fact
   * when another process on the same database publishes it (DomainEventsRelay). A handler that
   * acts on the fact (sends mail, moves seats) does not: it runs once, where the fact was published.
   */
  everyProcess?: boolean;
  /** With everyProcess: facts from elsewhere may have been missed (the relay's connection was lost); e.g. forget every cached answer. */
  missed?: () => void;
}

/** Sends a fact to the other processes, in the transaction that made it true (PostgreSQL's NOTIFY): see DomainEventsRelay. */
export interface DomainEventSender {
  send(manager: EntityManager | undefined, event: { name: PropertyKey }): Promise<void>;
}

/**
 * A small typed bus for facts of the domain (the model of immich's EventRepository and
 * pretalx's signals): a context publishes what happened, others react without the first one
 * knowing them. A fact published inside a transaction reaches its handlers once that
 * transaction commits, never when it rolls back; published outside one, at once. Handlers run
 * in this process, one after the other, before `publish` (or the commit) returns; a handler
 * that fails is logged and does not undo the write. Handlers registered `everyProcess` also
 * hear the facts other processes publish, when a relay is set (several processes on one server).
 */
@Injectable()
export class DomainEvents<M = DomainEventMap> {
  private readonly handlers = new Map<keyof M, { handler: Handler<never>; everyProcess: boolean; missed?: () => void }[]>();
  private sender?: DomainEventSender;

  constructor(private readonly afterCommit: AfterCommit) {}

  on<N extends keyof M>(name: N, handler: Handler<DomainEventOf<M, N>>, options: HandlerOptions = {}): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), { handler, everyProcess: options.everyProcess ?? false, missed: options.missed }]);
  }

  /** Pass the manager of the transaction that made the fact true (none outside a transaction). */
  async publish(manager: EntityManager | undefined, event: DomainEventOf<M>): Promise<void> {
    const handlers = this.handlers.get(event.name) ?? [];
    // Other processes hear it with this commit, and only if it commits (NOTIFY is transactional).
    if (this.sender && handlers.some((h) => h.everyProcess)) await this.sender.send(manager, event);
    // One piece of work per handler: one that fails does not keep the others from running.
    for (const { handler } of handlers) await this.afterCommit.run(manager, () => (handler as Handler<DomainEventOf<M>>)(event));
  }

  /** A fact another process published and committed: only the handlers that keep this process up to date hear it. */
  async deliverFromElsewhere(event: DomainEventOf<M>): Promise<void> {
    for (const { handler, everyProcess } of this.handlers.get(event.name) ?? []) {
      if (everyProcess) await this.afterCommit.run(undefined, () => (handler as Handler<DomainEventOf<M>>)(event));
    }
  }

  /** The relay lost facts from elsewhere (its connection was down): those who keep this process up to date start afresh. */
  missedFromElsewhere(): void {
    const callbacks = new Set([...this.handlers.values()].flat().flatMap((h) => (h.everyProcess && h.missed ? [h.missed] : [])));
    for (const missed of callbacks) missed();
  }

  /** Set by DomainEventsRelay when other processes share the database. */
  relayTo(sender: DomainEventSender | undefined): void {
    this.sender = sender;
  }
}
