import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, DomainEvents, Statement } from '@palabre/platform';
import type { EventView } from '@palabre/events';
import { Registration } from '../registrations/registration.entity';
import { RegistrationMail } from '../registrations/registration-mail';
import { RegistrationsRepository, SettledRegistration } from '../registrations/registrations.repository';
import { SignupsRepository } from '../workshops/signups.repository';
import type { Workshop } from '../workshops/workshops';
import { EVENT_POOL, SeatPools, sessionPool } from './seat-pools';

/** A workshop as its seats see it: the released session's capacity (null: no limit). */
export interface WorkshopSeats {
  id: string;
  capacity: number | null;
}

/**
 * Seats and waiting lists together (rules 1 and 2): a seat is taken by the pool's guarded
 * statement; a seat given back goes to the head of the waiting list in the same transaction,
 * with that person's email, before the transaction commits. Nobody jumps the queue: the
 * promotion holds the pool's row lock from the release to the commit.
 */
@Injectable()
export class SeatLedger {
  constructor(
    private readonly seats: SeatPools,
    private readonly registrations: RegistrationsRepository,
    private readonly signups: SignupsRepository,
    private readonly mail: RegistrationMail,
    private readonly clock: Clock,
    private readonly domainEvents: DomainEvents,
  ) {}

  async takeEventSeat(manager: EntityManager, event: EventView): Promise<boolean> {
    const taken = await this.seats.take(manager, { organizationId: event.organizationId, eventId: event.id, pool: EVENT_POOL, capacity: event.capacity });
    if (taken) await this.seatsChanged(manager, event);
    return taken;
  }

  /**
   * A new registration's seat statement, the last of its transaction (the pool's row lock is
   * held from there to commit): it takes the seat if one is left and settles the registration —
   * confirmed (pending with the opt-in) with its seat, else waiting with the next number, which
   * is drawn under the lock so that the numbers follow the order the seats were asked for. Once
   * it has run, `seated` with its row.
   */
  seatStatement(
    manager: EntityManager,
    event: EventView,
    registrationId: string,
    how: Parameters<RegistrationsRepository['settledBySeat']>[1],
    /** The registration's row goes in the same pipeline, just before: no row (a duplicate), no seat. */
    withItsRow = false,
  ): Promise<Statement> {
    return this.seats.takeStatement(
      manager,
      { organizationId: event.organizationId, eventId: event.id, pool: EVENT_POOL, capacity: event.capacity },
      this.registrations.settledBySeat(registrationId, how),
      withItsRow ? registrationId : undefined,
    );
  }

  /** Whether a registration's row may go in the seat statement's pipeline (not in the negative control, whose seat is taken before). */
  get seatsFollowTheirRow(): boolean {
    return this.seats.takenByStatement;
  }

  /** After the seat statement (its row): the public counts are stale once the transaction commits. */
  async seated(manager: EntityManager, event: EventView, row: SettledRegistration): Promise<void> {
    if (row.holdsSeat) await this.seatsChanged(manager, event);
  }

  /** Gives a seat back and hands it (and any other free one) to the waiting list. */
  async freeEventSeat(manager: EntityManager, event: EventView): Promise<Registration[]> {
    await this.seats.release(manager, event.id, EVENT_POOL);
    await this.seatsChanged(manager, event);
    return this.fillEvent(manager, event);
  }

  /** The seats left the public sees are stale once this transaction commits (the event page, its JSON). */
  private async seatsChanged(manager: EntityManager, event: EventView): Promise<void> {
    await this.domainEvents.publish(manager, { name: 'registration.seats-changed', eventId: event.id, slug: event.slug });
  }

  /** Seats free while people wait (a capacity raised, a seat given back) go to the head of the list, one by one. */
  async fillEvent(manager: EntityManager, event: EventView): Promise<Registration[]> {
    const promoted: Registration[] = [];
    while (await this.someoneWaits(manager, `SELECT 1 FROM registrations WHERE event_id = $1 AND status = 'waitlisted' LIMIT 1`, event.id)) {
      if (!(await this.takeEventSeat(manager, event))) break;
      const head = await this.registrations.promoteHead(manager, event.id, this.clock.now());
      if (!head) {
        await this.seats.release(manager, event.id, EVENT_POOL);
        break;
      }
      await this.registrations.record(manager, {
        organizationId: head.organizationId,
        registrationId: head.id,
        at: this.clock.now(),
        action: 'promoted',
        actor: 'system',
      });
      await this.mail.send(manager, head, event, 'promoted');
      promoted.push(head);
    }
    return promoted;
  }

  async takeWorkshopSeat(manager: EntityManager, event: EventView, workshop: WorkshopSeats): Promise<boolean> {
    return this.seats.take(manager, { organizationId: event.organizationId, eventId: event.id, pool: sessionPool(workshop.id), capacity: workshop.capacity });
  }

  /** Takes a workshop's seat if one is left and, in the same statement, runs `then` (see SeatPools.takeWith). */
  async takeWorkshopSeatWith<T>(manager: EntityManager, event: EventView, workshop: WorkshopSeats, then: Statement): Promise<T[]> {
    return this.seats.takeWith<T>(
      manager,
      { organizationId: event.organizationId, eventId: event.id, pool: sessionPool(workshop.id), capacity: workshop.capacity },
      then,
    );
  }

  async freeWorkshopSeat(manager: EntityManager, event: EventView, workshop: WorkshopSeats, workshops: Map<string, Workshop>): Promise<string[]> {
    await this.seats.release(manager, event.id, sessionPool(workshop.id));
    return this.fillWorkshop(manager, event, workshop, workshops);
  }

  /**
   * The workshop's free seats to the head of its waiting list, each told by email (their
   * workshops listed from `workshops`, the event's released ones); returns the registrations promoted.
   */
  async fillWorkshop(manager: EntityManager, event: EventView, workshop: WorkshopSeats, workshops: Map<string, Workshop>): Promise<string[]> {
    const promoted: string[] = [];
    while (await this.someoneWaits(manager, `SELECT 1 FROM session_signups WHERE session_id = $1 AND status = 'waitlisted' LIMIT 1`, workshop.id)) {
      if (!(await this.takeWorkshopSeat(manager, event, workshop))) break;
      const head = await this.signups.promoteHead(manager, workshop.id);
      if (!head) {
        await this.seats.release(manager, event.id, sessionPool(workshop.id));
        break;
      }
      await this.registrations.record(manager, {
        organizationId: event.organizationId,
        registrationId: head.registrationId,
        at: this.clock.now(),
        action: 'workshop-promoted',
        actor: 'system',
        details: { sessionId: workshop.id },
      });
      const r = await this.registrations.findById(head.registrationId, manager);
      if (r)
        await this.mail.sendWorkshops(manager, r, event, workshops, { reason: 'seat-freed', sessionId: workshop.id, fromWaitlistSeq: head.fromWaitlistSeq });
      promoted.push(head.registrationId);
    }
    return promoted;
  }

  async seatsTaken(eventId: string, manager: EntityManager): Promise<number> {
    return this.seats.taken(eventId, EVENT_POOL, manager);
  }

  private async someoneWaits(manager: EntityManager, sql: string, id: string): Promise<boolean> {
    return (await manager.query<unknown[]>(sql, [id])).length > 0;
  }
}
