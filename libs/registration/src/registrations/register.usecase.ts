import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Clock, FieldError, isUniqueViolation, PlatformError } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { newSecret } from '@palabre/identity';
import { IdempotencyKeys } from '../idempotency/idempotency-keys';
import { RegistrationError } from '../registration.errors';
import { SeatLedger } from '../seats/seat-ledger';
import { Workshop, Workshops } from '../workshops/workshops';
import { newReference, newTicketCode } from './codes';
import { checkAnswers, toE164 } from './participant-input';
import { AddRegistrationDto, RegisterDto } from './registration.dto';
import { Registration, RegistrationStatus } from './registration.entity';
import { RegistrationMail, RegistrationStep } from './registration-mail';
import { RegistrationsRepository } from './registrations.repository';

/** What a registration request answers (api.md, "Registering"); `registrationId` stays inside (the response leaves it out). */
export type RegistrationOutcome =
  { status: 'check_email' } | { reference: string; status: 'confirmed' | 'waitlisted'; waitlistPosition?: number; manageToken: string; registrationId: string };

/** What an Idempotency-Key keeps of an outcome: all but the token (rule 9). */
type KeptOutcome = { status: 'check_email' } | Omit<Extract<RegistrationOutcome, { reference: string }>, 'manageToken'>;

export interface RegisterOptions {
  /** `Idempotency-Key` of the request: a repeat answers the first answer. */
  idempotencyKey?: string;
}

interface Participant {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  organization: string;
  organizationType: string | null;
  gender: string | null;
  ageGroup: string | null;
  region: string | null;
  locale: string;
  answers: Record<string, unknown>;
}

/**
 * Registering for an event (rules 1–5): the seat taken by the pool's guarded statement, the
 * registration row, its manage token and its email, in one transaction. A second attempt for
 * the same email or phone answers exactly like a first one and emails the existing link
 * again; nothing in the answer tells the two apart.
 */
@Injectable()
export class RegisterParticipant {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsRepository,
    private readonly ledger: SeatLedger,
    private readonly workshops: Workshops,
    private readonly mail: RegistrationMail,
    private readonly idempotency: IdempotencyKeys,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The public form and API: the published event, inside its registration window. */
  async execute(slug: string, dto: RegisterDto, options: RegisterOptions = {}): Promise<RegistrationOutcome> {
    const event = await this.events.getPublished(slug);
    const now = this.clock.now();
    if (!(await this.events.registrationAvailability(event)).open) throw new RegistrationError('REGISTRATION_CLOSED', { slug });
    const participant = this.participant(event, dto, { emailRequired: true });
    const workshops = dto.sessionIds?.length ? await this.workshops.workshops(event.id) : new Map<string, Workshop>();
    const chosen = this.workshops.check(dto.sessionIds ?? [], workshops);
    const run = (manager: EntityManager) => this.register(manager, event, participant, chosen, workshops, now);
    if (!options.idempotencyKey) return this.inTransaction(run);
    const first = await this.idempotency.once<RegistrationOutcome, KeptOutcome>(`registration:${event.id}`, options.idempotencyKey, dto, (keep) =>
      this.inTransaction(async (manager) => {
        const out = await run(manager);
        await keep(manager, withoutToken(out));
        return out;
      }),
    );
    return first.repeat ? this.withFreshToken(first.kept) : first.result;
  }

  /**
   * One transaction; when two attempts for one person race, the unique index stops the second,
   * which then runs again and finds the first (rule 3).
   */
  private async inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.dataSource.transaction(work);
    }
  }

  /** A repeated request's answer: the first one, with a new token for the same registration. */
  private async withFreshToken(kept: KeptOutcome): Promise<RegistrationOutcome> {
    if (!('reference' in kept)) return kept;
    const token = newSecret();
    await this.dataSource.transaction((manager) => this.registrations.addToken(manager, kept.registrationId, token));
    return { ...kept, manageToken: token };
  }

  /** The desk adds someone by hand: any status of window, email optional, confirmed at once when a seat is left. */
  async byOrganizer(event: EventView, dto: AddRegistrationDto, actorUserId: string): Promise<Registration> {
    const participant = this.participant(event, dto, { emailRequired: false });
    const workshops = dto.sessionIds?.length ? await this.workshops.workshops(event.id) : new Map<string, Workshop>();
    const chosen = this.workshops.check(dto.sessionIds ?? [], workshops);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.registrations.findActive(manager, event.id, participant);
      if (existing) {
        throw new RegistrationError('ALREADY_REGISTERED', { reference: existing.reference }, [
          { field: participant.email ? 'email' : 'phone', message: { fr: 'Déjà inscrit·e à cet événement.', en: 'Already registered for this event.' } },
        ]);
      }
      const { registration } = await this.create(manager, event, participant, chosen, workshops, now, {
        source: 'desk',
        consent: false,
        confirmAtOnce: true,
        actor: actorUserId,
      });
      return registration;
    });
  }

  private async register(
    manager: EntityManager,
    event: EventView,
    participant: Participant,
    chosen: Workshop[],
    workshops: Map<string, Workshop>,
    now: Date,
  ): Promise<RegistrationOutcome> {
    const existing = await this.registrations.findActive(manager, event.id, participant);
    if (existing) return this.again(manager, event, existing);
    const how = { source: 'online' as const, consent: true, confirmAtOnce: false, actor: 'participant' };
    const { registration, token, position } = await this.create(manager, event, participant, chosen, workshops, now, how);
    if (event.confirmEmail) return { status: 'check_email' };
    const status = registration.status as 'confirmed' | 'waitlisted';
    return {
      reference: registration.reference,
      status,
      ...(position ? { waitlistPosition: position } : {}),
      manageToken: token,
      registrationId: registration.id,
    };
  }

  private async create(
    manager: EntityManager,
    event: EventView,
    participant: Participant,
    chosen: Workshop[],
    workshops: Map<string, Workshop>,
    now: Date,
    how: { source: 'online' | 'desk'; consent: boolean; confirmAtOnce: boolean; actor: string },
  ): Promise<{ registration: Registration; token: string; position: number | null }> {
    // The seat first: its row lock orders concurrent registrations, and its guard decides (rule 1).
    const seat = await this.ledger.takeEventSeat(manager, event);
    const optIn = event.confirmEmail && !how.confirmAtOnce;
    const status: RegistrationStatus = optIn ? 'pending' : seat ? 'confirmed' : 'waitlisted';
    const registration = await this.registrations.insert(manager, {
      organizationId: event.organizationId,
      eventId: event.id,
      reference: newReference(),
      ticketCode: newTicketCode(),
      status,
      holdsSeat: seat,
      holdExpiresAt: optIn ? new Date(now.getTime() + event.holdHours * 3_600_000) : null,
      waitlistSeq: status === 'waitlisted' ? await this.registrations.nextWaitlistSeq(manager) : null,
      ...participant,
      consentText: how.consent ? event.consentText : null,
      consentedAt: how.consent ? now : null,
      confirmedAt: status === 'confirmed' ? now : null,
      source: how.source,
      createdAt: now,
      updatedAt: now,
    });
    const position = registration.waitlistSeq ? await this.registrations.waitlistPosition(manager, event.id, registration.waitlistSeq) : null;
    await this.registrations.record(manager, {
      organizationId: event.organizationId,
      registrationId: registration.id,
      at: now,
      action: 'registered',
      actor: how.actor,
      details: { status, source: how.source, ...(position ? { waitlistPosition: position } : {}) },
    });
    const step: RegistrationStep = optIn ? 'check-email' : status === 'confirmed' ? 'confirmed' : 'waitlisted';
    await this.mail.send(manager, registration, event, step, { waitlistPosition: position ?? undefined });
    // Workshops come with a seat at the event; someone waiting for the event chooses them once in.
    if (seat && chosen.length > 0) await this.workshops.choose(manager, event, registration, chosen, workshops);
    // The answer's own token (no confirmation step): the link the participant's client keeps.
    const token = newSecret();
    await this.registrations.addToken(manager, registration.id, token);
    return { registration, token, position };
  }

  /** A second attempt (rule 3): the same answer as a first one, and the existing registrant gets their link again. */
  private async again(manager: EntityManager, event: EventView, existing: Registration): Promise<RegistrationOutcome> {
    const step: RegistrationStep = existing.status === 'pending' ? 'check-email' : existing.status === 'confirmed' ? 'confirmed' : 'waitlisted';
    const position = existing.waitlistSeq ? await this.registrations.waitlistPosition(manager, event.id, existing.waitlistSeq) : undefined;
    if (await this.mail.send(manager, existing, event, step, { again: true, waitlistPosition: position })) {
      await this.registrations.record(manager, {
        organizationId: existing.organizationId,
        registrationId: existing.id,
        at: this.clock.now(),
        action: 'link-sent',
        actor: 'system',
      });
    }
    // With or without the opt-in: a duplicate never hands out the first registration's token.
    return { status: 'check_email' };
  }

  private participant(event: EventView, dto: RegisterDto | AddRegistrationDto, { emailRequired }: { emailRequired: boolean }): Participant {
    const errors: FieldError[] = [];
    const email = dto.email ? dto.email.trim().toLowerCase() : null;
    let phone: string | null = null;
    if (dto.phone) {
      phone = toE164(dto.phone, this.config.defaultPhoneCountry);
      if (!phone) errors.push({ field: 'phone', message: { fr: 'Numéro de téléphone invalide.', en: 'Invalid phone number.' } });
    }
    if (!email && (emailRequired || !phone)) {
      errors.push({
        field: 'email',
        message: emailRequired
          ? { fr: 'L’adresse e-mail est obligatoire.', en: 'The email address is required.' }
          : { fr: 'Donnez un e-mail ou un téléphone.', en: 'Give an email or a phone.' },
      });
    }
    const checked = checkAnswers(event.questions, dto.answers);
    errors.push(...checked.errors);
    if (errors.length > 0) throw new PlatformError('VALIDATION_FAILED', {}, errors);
    return {
      firstName: dto.firstName.trim(),
      lastName: dto.lastName.trim(),
      email,
      phone,
      organization: dto.organization?.trim() ?? '',
      organizationType: dto.organizationType ?? null,
      gender: dto.gender ?? null,
      ageGroup: dto.ageGroup ?? null,
      region: dto.region?.trim() || null,
      locale: dto.locale ?? 'fr',
      answers: checked.answers,
    };
  }
}

function withoutToken(out: RegistrationOutcome): KeptOutcome {
  if (!('reference' in out)) return out;
  const { manageToken: _token, ...kept } = out;
  return kept;
}
