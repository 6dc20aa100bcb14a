import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, FieldError, PlatformError } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { RegistrationError } from '../registration.errors';
import { SeatLedger } from '../seats/seat-ledger';
import { SignupWithPosition, SignupsRepository } from '../workshops/signups.repository';
import { Workshop, Workshops } from '../workshops/workshops';
import { checkAnswers, toE164 } from './participant-input';
import { AppConfig } from '@palabre/platform';
import { newSecret } from '@palabre/identity';
import { UpdateParticipantDto } from './registration.dto';
import { Participant, participantOf, Registration, RegistrationStatus } from './registration.entity';
import { RegistrationMail } from './registration-mail';
import { RegistrationsRepository } from './registrations.repository';

/** A registration as its participant (and the back-office) sees it. */
export interface RegistrationView {
  id: string;
  reference: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  /** Only once confirmed: the door's code. */
  ticketCode: string | null;
  holdExpiresAt: Date | null;
  event: EventView;
  participant: Participant;
  consent: { text: Registration['consentText']; at: Date | null };
  sessions: (SignupWithPosition & { workshop: Workshop | null })[];
  source: string;
  createdAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  erasedAt: Date | null;
}

/** One step of a registration's history, as its participant reads it (an organizer is not named). */
export interface ParticipantHistoryView {
  at: Date;
  action: string;
  actor: 'participant' | 'system' | 'organizer';
  details: Record<string, unknown>;
}

/** Who acts on a registration: the participant (by their token), an organizer (user id), or the system. */
export type RegistrationActor = 'participant' | 'system' | { userId: string };

/**
 * What a participant does with their registration through its manage token (the only
 * credential): see it, confirm it, correct it, choose workshops, cancel it, take or erase
 * their data. Organizers' cancellations come through the same methods, by id.
 */
@Injectable()
export class ParticipantRegistrations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsRepository,
    private readonly signups: SignupsRepository,
    private readonly ledger: SeatLedger,
    private readonly workshops: Workshops,
    private readonly mail: RegistrationMail,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** REGISTRATION_NOT_FOUND for a token that opens nothing. */
  async byToken(token: string): Promise<RegistrationView> {
    const r = found(await this.registrations.findByToken(token));
    return this.view(r, await this.events.getById(r.eventId));
  }

  /** Everything kept about the participant (rule 10): the registration, answers, consent, workshops and history. */
  async personalData(token: string): Promise<{ registration: RegistrationView; history: ParticipantHistoryView[] }> {
    const r = found(await this.registrations.findByToken(token));
    const [registration, history] = await Promise.all([this.view(r, await this.events.getById(r.eventId)), this.registrations.history(r.organizationId, r.id)]);
    return {
      registration,
      history: history.map((h) => ({
        at: h.at,
        action: h.action,
        actor: h.actor === 'participant' || h.actor === 'system' ? h.actor : 'organizer',
        details: h.details,
      })),
    };
  }

  async view(r: Registration, event: EventView, manager?: EntityManager, workshops?: Map<string, Workshop>): Promise<RegistrationView> {
    const all = workshops ?? (await this.workshops.workshops(event.id));
    const signups = await this.signups.forRegistration(r.id, manager);
    return {
      id: r.id,
      reference: r.reference,
      status: r.status,
      waitlistPosition: r.waitlistSeq ? await this.registrations.waitlistPosition(manager, r.eventId, r.waitlistSeq) : null,
      ticketCode: r.status === 'confirmed' ? r.ticketCode : null,
      holdExpiresAt: r.status === 'pending' ? r.holdExpiresAt : null,
      event,
      participant: participantOf(r),
      consent: { text: r.consentText, at: r.consentedAt },
      sessions: signups.map((s) => ({ ...s, workshop: all.get(s.sessionId) ?? null })),
      source: r.source,
      createdAt: r.createdAt,
      confirmedAt: r.confirmedAt,
      cancelledAt: r.cancelledAt,
      erasedAt: r.erasedAt,
    };
  }

  /**
   * The participant clicked their link (double opt-in): a held seat becomes theirs; without a
   * seat they take one if any is left, or join the waiting list now. Confirming twice changes
   * nothing. An expired hold rejoins the same way; a cancelled registration stays cancelled.
   */
  async confirm(token: string): Promise<RegistrationView> {
    return this.change(token, async (manager, r, event, now) => {
      if (r.status === 'cancelled') throw new RegistrationError('REGISTRATION_CANCELLED');
      await this.confirmLocked(manager, r, event, now);
    });
  }

  /**
   * A code sent by SMS was entered right: it proves the phone as the email's link proves the
   * address, so a pending (or expired) registration is confirmed as by `confirm`; any other is
   * only opened. Answers the registration and a new manage token for the participant's page.
   */
  async confirmByCode(registrationId: string): Promise<{ registration: RegistrationView; token: string }> {
    const token = newSecret();
    const registration = await this.changeById(registrationId, async (manager, r, event, now) => {
      if (r.erasedAt) throw new RegistrationError('REGISTRATION_NOT_FOUND');
      if (r.status !== 'cancelled') await this.confirmLocked(manager, r, event, now);
      await this.registrations.addToken(manager, r.id, token);
    });
    return { registration, token };
  }

  private async confirmLocked(manager: EntityManager, r: Registration, event: EventView, now: Date): Promise<void> {
    if (r.status === 'confirmed' || r.status === 'waitlisted') return;
    const seat = r.holdsSeat || (await this.ledger.takeEventSeat(manager, event));
    r.holdsSeat = seat;
    r.holdExpiresAt = null;
    r.status = seat ? 'confirmed' : 'waitlisted';
    r.confirmedAt = seat ? now : null;
    r.waitlistSeq = seat ? null : await this.registrations.nextWaitlistSeq(manager);
    await this.registrations.save(manager, r);
    const position = r.waitlistSeq ? await this.registrations.waitlistPosition(manager, r.eventId, r.waitlistSeq) : undefined;
    await this.history(manager, r, now, 'confirmed', 'participant', { status: r.status });
    await this.mail.send(manager, r, event, seat ? 'confirmed' : 'waitlisted', { waitlistPosition: position });
  }

  /** Cancels (rule 2: the seat goes to the head of the waiting list in this transaction). Cancelling twice changes nothing. */
  async cancel(token: string): Promise<RegistrationView> {
    return this.change(token, (manager, r, event, now, workshops) => this.cancelLocked(manager, r, event, now, workshops, 'participant'));
  }

  /** An organizer cancels on the participant's behalf (the registration found by the caller, in the organization). */
  async cancelById(id: string, actor: RegistrationActor): Promise<RegistrationView> {
    return this.changeById(id, (manager, r, event, now, workshops) => this.cancelLocked(manager, r, event, now, workshops, actor));
  }

  /** Corrects the participant's details; the answers are checked against the event's questions again. */
  async update(token: string, dto: UpdateParticipantDto): Promise<RegistrationView> {
    return this.change(token, async (manager, r, event, now) => {
      if (r.status === 'cancelled' || r.status === 'expired' || r.erasedAt) throw new RegistrationError('REGISTRATION_CANCELLED');
      const errors: FieldError[] = [];
      if (dto.phone !== undefined) {
        const phone = dto.phone ? toE164(dto.phone, this.config.defaultPhoneCountry) : null;
        if (dto.phone && !phone) errors.push({ field: 'phone', message: { fr: 'Numéro de téléphone invalide.', en: 'Invalid phone number.' } });
        r.phone = phone;
      }
      if (dto.answers !== undefined) {
        const checked = checkAnswers(event.questions, dto.answers);
        errors.push(...checked.errors);
        r.answers = checked.answers;
      }
      if (errors.length > 0) throw new PlatformError('VALIDATION_FAILED', {}, errors);
      if (dto.firstName) r.firstName = dto.firstName.trim();
      if (dto.lastName) r.lastName = dto.lastName.trim();
      if (dto.organization !== undefined) r.organization = dto.organization?.trim() ?? '';
      if (dto.organizationType !== undefined) r.organizationType = dto.organizationType ?? null;
      if (dto.gender !== undefined) r.gender = dto.gender ?? null;
      if (dto.ageGroup !== undefined) r.ageGroup = dto.ageGroup ?? null;
      if (dto.region !== undefined) r.region = dto.region?.trim() || null;
      if (dto.locale) r.locale = dto.locale;
      await this.registrations.save(manager, r);
      await this.history(manager, r, now, 'updated', 'participant', { fields: Object.keys(dto) });
    });
  }

  /** The workshops the participant wants now: REGISTRATION_NOT_ACTIVE unless they hold a seat at the event. */
  async chooseSessions(token: string, sessionIds: string[]): Promise<RegistrationView> {
    const r0 = found(await this.registrations.findByToken(token));
    const workshops = await this.workshops.workshops(r0.eventId);
    const chosen = this.workshops.check(sessionIds, workshops);
    return this.change(
      token,
      async (manager, r, event) => {
        if (!r.holdsSeat) throw new RegistrationError('REGISTRATION_NOT_ACTIVE');
        await this.workshops.choose(manager, event, r, chosen, workshops);
      },
      workshops,
    );
  }

  /**
   * Erases the participant's personal data (rule 10): the registration is cancelled first (its
   * seat goes to the waiting list), then names, contact, organization and answers are wiped
   * and every link stops working. The categories (gender, age group, region, organization type)
   * stay, unlinked from anyone, for the event's figures.
   */
  async erase(token: string): Promise<EventView> {
    const erased = await this.change(token, async (manager, r, event, now, workshops) => {
      await this.cancelLocked(manager, r, event, now, workshops, 'participant', { silent: true });
      await this.eraseLocked(manager, r, now, 'participant');
    });
    // The event the data belonged to: the link no longer opens anything to say it with.
    return erased.event;
  }

  /** Erases one registration's personal data, already locked in the caller's transaction. */
  async eraseLocked(manager: EntityManager, r: Registration, now: Date, actor: RegistrationActor): Promise<void> {
    Object.assign(r, { firstName: '', lastName: '', email: null, phone: null, organization: '', answers: {}, erasedAt: now });
    await this.registrations.save(manager, r);
    await this.registrations.deleteTokens(manager, r.id);
    await manager.query(`UPDATE registration_history SET details = '{}' WHERE registration_id = $1`, [r.id]);
    await this.history(manager, r, now, 'erased', actor);
  }

  async cancelLocked(
    manager: EntityManager,
    r: Registration,
    event: EventView,
    now: Date,
    workshops: Map<string, Workshop>,
    actor: RegistrationActor,
    options: { silent?: boolean; expired?: boolean } = {},
  ): Promise<void> {
    if (r.status === 'cancelled' || r.status === 'expired') return;
    const hadSeat = r.holdsSeat;
    r.status = options.expired ? 'expired' : 'cancelled';
    r.holdsSeat = false;
    r.holdExpiresAt = null;
    r.waitlistSeq = null;
    r.cancelledAt = now;
    await this.registrations.save(manager, r);
    await this.workshops.leave(manager, event, r, 'all', workshops);
    await this.history(manager, r, now, r.status, actor);
    if (!options.silent) await this.mail.send(manager, r, event, options.expired ? 'hold-expired' : 'cancelled');
    if (hadSeat) await this.ledger.freeEventSeat(manager, event);
  }

  private async history(manager: EntityManager, r: Registration, at: Date, action: string, actor: RegistrationActor, details: Record<string, unknown> = {}) {
    await this.registrations.record(manager, {
      organizationId: r.organizationId,
      registrationId: r.id,
      at,
      action,
      actor: typeof actor === 'string' ? actor : actor.userId,
      details,
    });
  }

  /** A change in one transaction, the registration locked; answers the registration as it is after. */
  private async change(
    token: string,
    work: (manager: EntityManager, r: Registration, event: EventView, now: Date, workshops: Map<string, Workshop>) => Promise<void>,
    workshops?: Map<string, Workshop>,
  ): Promise<RegistrationView> {
    const r0 = found(await this.registrations.findByToken(token));
    return this.changeById(r0.id, work, workshops);
  }

  private async changeById(
    id: string,
    work: (manager: EntityManager, r: Registration, event: EventView, now: Date, workshops: Map<string, Workshop>) => Promise<void>,
    known?: Map<string, Workshop>,
  ): Promise<RegistrationView> {
    const first = found(await this.registrations.findById(id));
    // Read before the transaction: on the embedded database a query outside it would wait for it.
    const event = await this.events.getById(first.eventId);
    const workshops = known ?? (await this.workshops.workshops(first.eventId));
    return this.dataSource.transaction(async (manager) => {
      const r = found(await this.registrations.findById(id, manager, true));
      await work(manager, r, event, this.clock.now(), workshops);
      return this.view(r, event, manager, workshops);
    });
  }
}

function found(r: Registration | null): Registration {
  if (!r) throw new RegistrationError('REGISTRATION_NOT_FOUND');
  return r;
}
