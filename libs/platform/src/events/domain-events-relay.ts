import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvents, DomainEventSender } from './domain-events';

/** The channel facts travel on between the processes of one database. */
export const DOMAIN_EVENTS_CHANNEL = 'palabre_domain_events';

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; a fact is a few ids. */
const MAX_PAYLOAD = 7_900;

/**
 * Several api processes on one PostgreSQL server each keep answers in memory (the public
 * response cache). A fact one process publishes — an event edited, a program released — must
 * reach the others' caches too, or they would serve the old answer until it expires. The
 * relay sends such facts with `pg_notify` inside the transaction that made them true, so the
 * other processes hear them when it commits and never when it rolls back, and hands what it
 * hears to the handlers registered `everyProcess` (never to those that act on a fact — mail,
 * seats — which run once, where it was published). A process relays the facts for which it
 * has such handlers itself: every api process runs the same code.
 *
 * Notifications sent while the listening connection is down are lost: when it comes back
 * (reconnecting with a growing delay), the `everyProcess` handlers' `missed` callbacks run:
 * a cache then forgets everything.
 * The embedded database has one process, and no relay.
 */
export class DomainEventsRelay implements DomainEventSender {
  private readonly logger = new Logger('DomainEventsRelay');
  /** This process: what it sent itself, it has already handled after its own commit. */
  private readonly origin = randomUUID();
  private client?: Client;
  private closed = false;
  private retryMs = 500;

  constructor(
    private readonly databaseUrl: string,
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /** Relays from now on, and listens (again and again, while the server is away). */
  async start(): Promise<void> {
    this.events.relayTo(this);
    try {
      await this.listen();
    } catch (error) {
      this.logger.warn({ err: error }, 'domain events relay: cannot listen yet, trying again');
      this.retry();
    }
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.events.relayTo(undefined);
    await this.client?.end().catch(() => undefined);
  }

  async send(manager: EntityManager | undefined, event: { name: PropertyKey }): Promise<void> {
    const payload = JSON.stringify({ origin: this.origin, event });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`domain event ${String(event.name)} is too large to relay`);
    await (manager ?? this.dataSource.manager).query('SELECT pg_notify($1, $2)', [DOMAIN_EVENTS_CHANNEL, payload]);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'palabre domain events' });
    client.on('notification', (n) => void this.heard(n.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${DOMAIN_EVENTS_CHANNEL}`);
    this.client = client;
    this.retryMs = 500;
  }

  private async heard(payload: string | undefined): Promise<void> {
    let message: { origin?: string; event?: { name?: unknown } };
    try {
      message = JSON.parse(payload ?? '') as typeof message;
    } catch {
      return;
    }
    if (message.origin === this.origin || typeof message.event?.name !== 'string') return;
    await this.events.deliverFromElsewhere(message.event as Parameters<DomainEvents['deliverFromElsewhere']>[0]);
  }

  private lost(client: Client, error?: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    this.logger.warn({ err: error }, 'domain events relay: connection lost, listening again');
    void client.end().catch(() => undefined);
    this.retry();
  }

  private retry(): void {
    const again = async (): Promise<void> => {
      if (this.closed) return;
      try {
        await this.listen();
        this.events.missedFromElsewhere();
      } catch {
        this.retryMs = Math.min(this.retryMs * 2, 30_000);
        setTimeout(() => void again(), this.retryMs).unref();
      }
    };
    setTimeout(() => void again(), this.retryMs).unref();
  }
}

/** The relay in a Nest application: started with it when other processes share its database (PlatformOptions.shared), stopped with it. */
export class DomainEventsRelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: DomainEventsRelay;

  constructor(
    private readonly sharedDatabaseUrl: string | undefined,
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.sharedDatabaseUrl) return;
    this.relay = new DomainEventsRelay(this.sharedDatabaseUrl, this.dataSource, this.events);
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
