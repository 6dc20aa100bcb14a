import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, Localized, pick } from '@palabre/platform';
import type { EventView } from '@palabre/events';
import { PublishedProgramService } from '@palabre/program';
import { spansOverlap } from '../registrations/participant-input';
import { Registration } from '../registrations/registration.entity';
import { RegistrationError } from '../registration.errors';
import { RegistrationMail } from '../registrations/registration-mail';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import { SeatLedger } from '../seats/seat-ledger';
import { SeatPools, sessionPool } from '../seats/seat-pools';
import { SignupsRepository } from './signups.repository';

/** A released session people sign up for: one with a capacity, not cancelled. */
export interface Workshop {
  id: string;
  title: Localized;
  startsAt: string;
  endsAt: string;
  room: string | null;
  capacity: number | null;
}

/** A workshop with its seats left (null: no limit), as the forms show it. */
export interface WorkshopWithSeats extends Workshop {
  remaining: number | null;
}

export interface WorkshopChange {
  /** Registrations that got a workshop seat from its waiting list because of this change. */
  promoted: { registrationId: string; sessionId: string }[];
}

/**
 * Workshop sign-ups: each workshop's seats guarded like the event's, a waiting list per
 * workshop, and no two overlapping workshops for one person. Workshops are the latest
 * release's sessions with a capacity; read them (`workshops`) before opening the transaction.
 */
@Injectable()
export class Workshops {
  constructor(
    private readonly program: PublishedProgramService,
    private readonly signups: SignupsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly ledger: SeatLedger,
    private readonly mail: RegistrationMail,
    private readonly clock: Clock,
    private readonly pools: SeatPools,
    private readonly dataSource: DataSource,
  ) {}

  /** The event's released workshops by id. */
  async workshops(eventId: string): Promise<Map<string, Workshop>> {
    const sessions = await this.program.sessions(eventId);
    return new Map(
      sessions
        .filter((s) => s.capacity !== null && s.status !== 'cancelled')
        .map((s) => [s.id, { id: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, room: s.room?.name ?? null, capacity: s.capacity }]),
    );
  }

  /** The event's released workshops in time order, each with its seats left: a hint for the forms, the guarded take decides. */
  async withSeatsLeft(eventId: string): Promise<WorkshopWithSeats[]> {
    const [workshops, taken] = await Promise.all([this.workshops(eventId), this.pools.takenByPool(eventId, this.dataSource.manager)]);
    return [...workshops.values()]
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || pick(a.title, 'fr').localeCompare(pick(b.title, 'fr')))
      .map((w) => ({ ...w, remaining: w.capacity === null ? null : Math.max(0, w.capacity - (taken.get(sessionPool(w.id)) ?? 0)) }));
  }

  /** INVALID_WORKSHOPS for an id that is no workshop of the event, WORKSHOPS_OVERLAP for two at once. */
  check(sessionIds: string[], workshops: Map<string, Workshop>, field = 'sessionIds'): Workshop[] {
    const chosen = sessionIds.map((id, i) => {
      const w = workshops.get(id);
      if (!w) {
        throw new RegistrationError('INVALID_WORKSHOPS', {}, [
          {
            field: `${field}.${i}`,
            message: { fr: 'Cet atelier n’existe pas ou n’est pas ouvert aux inscriptions.', en: 'No such workshop open for sign-up.' },
          },
        ]);
      }
      return w;
    });
    for (let i = 0; i < chosen.length; i++) {
      for (let j = i + 1; j < chosen.length; j++) {
        if (spansOverlap(chosen[i], chosen[j])) {
          throw new RegistrationError('WORKSHOPS_OVERLAP', { first: chosen[i].title.fr, second: chosen[j].title.fr }, [
            {
              field: `${field}.${j}`,
              message: { fr: 'Cet atelier a lieu en même temps qu’un autre de vos choix.', en: 'This workshop overlaps another of your choices.' },
            },
          ]);
        }
      }
    }
    return chosen;
  }

  /**
   * Makes the registration's sign-ups the chosen ones: seats given back first (and handed to
   * those waiting), then new seats taken in a fixed order (so two people changing their choices
   * never wait on each other's pools in a cycle), a place on the waiting list when full. The
   * participant gets their workshops by email, once per change (a choice that changes nothing
   * sends nothing).
   */
  async choose(manager: EntityManager, event: EventView, r: Registration, chosen: Workshop[], workshops: Map<string, Workshop>): Promise<WorkshopChange> {
    const current = await this.signups.forRegistration(r.id, manager);
    const wanted = new Set(chosen.map((w) => w.id));
    const have = new Set(current.map((s) => s.sessionId));
    const leaving = current.filter((s) => !wanted.has(s.sessionId)).map((s) => s.sessionId);
    const joining = chosen.filter((w) => !have.has(w.id)).sort((a, b) => a.id.localeCompare(b.id));
    if (leaving.length === 0 && joining.length === 0) return { promoted: [] };
    // What does not depend on the seats first: the seats' row locks are held until commit.
    const changeId = randomUUID();
    await this.registrations.record(manager, {
      organizationId: r.organizationId,
      registrationId: r.id,
      at: this.clock.now(),
      action: 'sessions',
      actor: 'participant',
      details: { joined: joining.map((w) => w.id), left: leaving, changeId },
    });
    const mailToken = await this.mail.storeWorkshopsToken(manager, r);
    const change = await this.leave(manager, event, r, leaving, workshops);
    for (const w of joining) {
      // One statement: the seat if one is left, else the next place on the workshop's waiting list.
      await this.ledger.takeWorkshopSeatWith(
        manager,
        event,
        w,
        this.signups.signUpBySeat({ registrationId: r.id, sessionId: w.id, organizationId: r.organizationId, eventId: r.eventId }),
      );
    }
    await this.mail.sendWorkshops(manager, r, event, workshops, { reason: 'changed', changeId }, mailToken);
    return change;
  }

  /** Leaves these workshops (all of them when the registration ends); their seats go to those waiting. */
  async leave(
    manager: EntityManager,
    event: EventView,
    r: Registration,
    sessionIds: string[] | 'all',
    workshops: Map<string, Workshop>,
  ): Promise<WorkshopChange> {
    const ids = sessionIds === 'all' ? (await this.signups.forRegistration(r.id, manager)).map((s) => s.sessionId) : sessionIds;
    const freed = (await this.signups.remove(manager, r.id, ids)).sort();
    // A sign-up that is gone leaves no row to carry a version: the registration's (locked by the caller) tells the desks.
    if (ids.length > 0) await this.registrations.touch(manager, r.id);
    const promoted: WorkshopChange['promoted'] = [];
    for (const sessionId of freed) {
      // A workshop no longer released keeps no waiting list to serve: capacity 0 promotes nobody.
      const ids = await this.ledger.freeWorkshopSeat(manager, event, workshops.get(sessionId) ?? { id: sessionId, capacity: 0 }, workshops);
      promoted.push(...ids.map((registrationId) => ({ registrationId, sessionId })));
    }
    return { promoted };
  }
}
