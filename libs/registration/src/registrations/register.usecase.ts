import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { answered, AppConfig, Clock, FieldError, isUniqueViolation, PlatformError, Statement, transactionEndingWith, TransactionTail } from '@palabre/platform';
import { EventsService, EventView, registrationAvailability } from '@palabre/events';
import { newSecret } from '@palabre/identity';
import { OutboxService } from '@palabre/notifications';
import { IdempotencyKeys } from '../idempotency/idempotency-keys';
import { RegistrationError } from '../registration.errors';
import { SeatLedger } from '../seats/seat-ledger';
import { Workshop, Workshops } from '../workshops/workshops';
import { newReference, newTicketCode } from './codes';
import { checkAnswers, toE164 } from './participant-input';
import { AddRegistrationDto, RegisterDto } from './registration.dto';
import { Registration, type Participant } from './registration.entity';
import { RegistrationSms } from '../sms/registration-sms';
import { RegistrationMail, RegistrationStep } from './registration-mail';
import { NewRegistration, RegistrationsRepository, SettledRegistration } from './registrations.repository';

/**
 * What a registration request answers (api.md, "Registering"); `registrationId` stays inside (the
 * response leaves it out). `check_phone`: a participant with a phone and no email gets a code by
 * SMS, entered with the `verificationId` (a duplicate gets the same answer and a new code); the
 * API answers it as api.md's `check_email`, the code's address in `Location`.
 */
export type RegistrationOutcome =
  | { status: 'check_email' }
  | { status: 'check_phone'; verificationId: string }
  | { reference: string; status: 'confirmed' | 'waitlisted'; waitlistPosition?: number; manageToken: string; registrationId: string };

/** What an Idempotency-Key keeps of an outcome: all but the token (rule 9). */
type KeptOutcome = Exclude<RegistrationOutcome, { reference: string }> | Omit<Extract<RegistrationOutcome, { reference: string }>, 'manageToken'>;

export interface RegisterOptions {
  /** `Idempotency-Key` of the request: a repeat answers the first answer. */
  idempotencyKey?: string;
  /** The client's address (its group: an IPv6 /64), counted by the hourly SMS limit. */
  clientAddress?: string;
}

/** How a registration comes in: the online form (from a client address), or the desk. */
interface How {
  source: 'online' | 'desk';
  consent: boolean;
  confirmAtOnce: boolean;
  actor: string;
  clientAddress?: string;
}

const online = (clientAddress?: string): How => ({ source: 'online', consent: true, confirmAtOnce: false, actor: 'participant', clientAddress });

interface Created {
  registration: Registration;
  token: string;
  /** The rank on the waiting list; null when not waiting. */
  position: number | null;
  /** A phone and no email, with the opt-in: the code sent by SMS. */
  verificationId?: string;
}

/** A registration being made: for whom, at which event, with which workshops (by id, empty when none was chosen), when and how. */
interface Attempt {
  event: EventView;
  participant: Participant;
  chosen: Workshop[];
  workshops: Map<string, Workshop>;
  now: Date;
  how: How;
}

interface BeforeSeat {
  statements: Statement[];
  /** Null when the registration's row was not written (the person is already registered): then no seat was taken either. */
  settle(manager: EntityManager, rows: unknown[][]): Promise<Created | null>;
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
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly sms: RegistrationSms,
  ) {}

  /** The public form and API: the published event, inside its registration window. */
  async execute(slug: string, dto: RegisterDto, options: RegisterOptions = {}): Promise<RegistrationOutcome> {
    const event = await this.events.getPublished(slug);
    const now = this.clock.now();
    // Whether the window is open needs no seat count (a full event takes people onto its waiting list).
    if (!registrationAvailability(event, now, null).open) throw new RegistrationError('REGISTRATION_CLOSED', { slug });
    const participant = this.participant(event, dto, { online: true });
    const workshops = dto.sessionIds?.length ? await this.workshops.workshops(event.id) : new Map<string, Workshop>();
    const chosen = this.workshops.check(dto.sessionIds ?? [], workshops);
    const how = online(options.clientAddress);
    const run = (manager: EntityManager) => this.register(manager, { event, participant, chosen, workshops, now, how });
    if (!options.idempotencyKey) {
      // Workshops are chosen after the seat, and so is the text of a phone without email and
      // without the opt-in (its SMS limits are counted by statements of their own): then the
      // seat statement is not the transaction's last.
      const textAfterSeat = !participant.email && participant.phone !== null && !event.confirmEmail;
      if (chosen.length > 0 || textAfterSeat) return this.onceAgainOnDuplicate(() => this.dataSource.transaction(run));
      return this.onceAgainOnDuplicate(
        async () =>
          (await transactionEndingWith(this.dataSource, (manager) => this.registerEndingWithSeat(manager, event, participant, now, how))) ??
          // Already registered (nothing was written): the answer of a first time, and the link again, in a transaction of their own.
          this.dataSource.transaction(async (manager) =>
            this.again(manager, event, await this.existing(manager, event, participant), participant, how.clientAddress),
          ),
      );
    }
    const first = await this.idempotency.once<RegistrationOutcome, KeptOutcome>(`registration:${event.id}`, options.idempotencyKey, dto, (keep) =>
      this.onceAgainOnDuplicate(() =>
        this.dataSource.transaction(async (manager) => {
          const out = await run(manager);
          await keep(manager, withoutToken(out));
          return out;
        }),
      ),
    );
    return first.repeat ? this.withFreshToken(first.kept) : first.result;
  }

  /**
   * One transaction; when two attempts for one person race, the unique index stops the second
   * (before it takes any seat), which then runs again and finds the first (rule 3). So does one
   * that saw an active registration, gone (cancelled) by the time it looked it up.
   */
  private async onceAgainOnDuplicate<T>(transaction: () => Promise<T>): Promise<T> {
    try {
      return await transaction();
    } catch (error) {
      if (!isUniqueViolation(error) && !(error instanceof RaceLost)) throw error;
      return transaction();
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
    // At the desk nobody waits for the form's questions: a walk-in may leave required ones unanswered.
    const participant = this.participant(event, dto, { online: false });
    const workshops = dto.sessionIds?.length ? await this.workshops.workshops(event.id) : new Map<string, Workshop>();
    const chosen = this.workshops.check(dto.sessionIds ?? [], workshops);
    const now = this.clock.now();
    return this.onceAgainOnDuplicate(() =>
      this.dataSource.transaction(async (manager) => {
        const existing = await this.registrations.findActive(manager, event.id, participant);
        if (existing) {
          throw new RegistrationError('ALREADY_REGISTERED', { reference: existing.reference }, [
            { field: participant.email ? 'email' : 'phone', message: { fr: 'Déjà inscrit·e à cet événement.', en: 'Already registered for this event.' } },
          ]);
        }
        const how: How = { source: 'desk', consent: false, confirmAtOnce: true, actor: actorUserId };
        const created = await this.create(manager, { event, participant, chosen, workshops, now, how });
        if (!created) throw new RaceLost();
        return created.registration;
      }),
    );
  }

  private async register(manager: EntityManager, attempt: Attempt): Promise<RegistrationOutcome> {
    const { event, participant, how } = attempt;
    const created = await this.create(manager, attempt);
    return created
      ? this.outcome(event, created)
      : this.again(manager, event, await this.existing(manager, event, participant), participant, how.clientAddress);
  }

  /**
   * The same, when nothing follows the seat (no workshop chosen, no Idempotency-Key to keep):
   * the seat's statements leave with the COMMIT, so that the pool's row lock, which orders a
   * rush, is held inside the database only (`transactionEndingWith`).
   */
  private async registerEndingWithSeat(
    manager: EntityManager,
    event: EventView,
    participant: Participant,
    now: Date,
    how: How,
  ): Promise<TransactionTail<RegistrationOutcome | null>> {
    const seat = await this.beforeSeat(manager, event, participant, now, how, true);
    if (!seat) return answered(await this.again(manager, event, await this.existing(manager, event, participant), participant, how.clientAddress));
    return {
      statements: seat.statements,
      after: async (rows) => {
        const created = await seat.settle(manager, rows);
        return created && this.outcome(event, created);
      },
    };
  }

  /** The active registration a new one found in its way (rule 3). */
  private async existing(manager: EntityManager, event: EventView, participant: Participant): Promise<Registration> {
    const existing = await this.registrations.findActive(manager, event.id, participant);
    if (!existing) throw new RaceLost();
    return existing;
  }

  private outcome(event: EventView, { registration, token, position, verificationId }: Created): RegistrationOutcome {
    if (verificationId) return { status: 'check_phone', verificationId };
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

  private async create(manager: EntityManager, { event, participant, chosen, workshops, now, how }: Attempt): Promise<Created | null> {
    const seat = await this.beforeSeat(manager, event, participant, now, how);
    if (!seat) return null;
    const rows: unknown[][] = [];
    for (const statement of seat.statements) rows.push(await manager.query(statement.sql, statement.params));
    const created = await seat.settle(manager, rows);
    if (!created) return null;
    // Workshops come with a seat at the event; someone waiting for the event chooses them once in.
    if (created.registration.holdsSeat && chosen.length > 0) await this.workshops.choose(manager, event, created.registration, chosen, workshops);
    return created;
  }

  /**
   * A new registration up to its seat: the row, its links and the opt-in's email; then the
   * statements that take the seat and settle the registration, for the caller to run last, and
   * what to make of their rows. Null, with nothing written, when the person is already registered.
   */
  private async beforeSeat(
    manager: EntityManager,
    event: EventView,
    participant: Participant,
    now: Date,
    how: How,
    /** The transaction ends with the seat (registerEndingWithSeat): the row may go with the seat's statements. */
    endsWithSeat = false,
  ): Promise<BeforeSeat | null> {
    const optIn = event.confirmEmail && !how.confirmAtOnce;
    // The answer's own token (no confirmation step: the link the participant's client keeps), and the email's (or the text's).
    const token = newSecret();
    const mailToken = participant.email ? newSecret() : undefined;
    const smsToken = !participant.email && participant.phone ? newSecret() : undefined;
    const values: NewRegistration = {
      id: randomUUID(),
      organizationId: event.organizationId,
      eventId: event.id,
      reference: newReference(),
      ticketCode: newTicketCode(),
      // Settled by the seat statement below.
      status: 'pending',
      holdsSeat: false,
      holdExpiresAt: optIn ? new Date(now.getTime() + event.holdHours * 3_600_000) : null,
      waitlistSeq: null,
      ...participant,
      consentText: how.consent ? event.consentText : null,
      consentedAt: how.consent ? now : null,
      confirmedAt: null,
      source: how.source,
      createdAt: now,
    };
    // The row and its links first; the seat last, since its pool's row lock orders concurrent
    // registrations and is held until commit: only what depends on the seat comes after it (rule 1).
    const id = values.id;
    const row = this.registrations.insertStatement(
      values,
      [token, mailToken ?? smsToken].filter((t) => t !== undefined),
    );
    // Without the opt-in nothing stands between the row and its seat: the row leaves in one write
    // with the seat's statements and the COMMIT (a duplicate writes no row and takes no seat).
    // Otherwise the row is written first, and the opt-in's message only if it was.
    const rowWithSeat = endsWithSeat && !optIn && this.ledger.seatsFollowTheirRow;
    if (!rowWithSeat && (await manager.query<unknown[]>(row.sql, row.params)).length === 0) return null;
    const history = { organizationId: event.organizationId, at: now, action: 'registered', actor: how.actor, details: { source: how.source } };
    const draft = Object.assign(new Registration(), values, { updatedAt: now, cancelledAt: null, erasedAt: null });
    // The email that does not depend on the seat (the opt-in's « confirm your address ») goes before it;
    // « confirmed » and « waiting list » go in the seat's own statements, so that nothing but the commit follows the seat.
    if (optIn && mailToken) {
      // Its wording only (a seat held, or the waiting list after confirming): read without a lock, the seat statement decides.
      const seatHeld = event.capacity === null || (await this.ledger.seatsTaken(event.id, manager)) < event.capacity;
      await this.mail.send(manager, draft, event, 'check-email', { storedToken: mailToken, seatHeld });
    }
    // A phone and no email: the opt-in is a code by SMS (its link opens the same page as the email's).
    const verificationId =
      optIn && smsToken
        ? (await this.sms.sendCode(manager, draft, event, { storedToken: smsToken, clientAddress: how.clientAddress })).verificationId
        : undefined;
    const mailed = !optIn && mailToken ? mailToken : undefined;
    const statements = [
      ...(rowWithSeat ? [row] : []),
      await this.ledger.seatStatement(
        manager,
        event,
        id,
        {
          optIn,
          now,
          history,
          whenConfirmed: mailed
            ? (from, condition) => this.outbox.insertStatement(this.mail.message(draft, event, 'confirmed', mailed), from, condition)
            : undefined,
        },
        rowWithSeat,
      ),
      // On the waiting list: the history entry (written by the seat statement otherwise) and the email, with the rank.
      this.registrations.waitlistedStatement(
        id,
        { ...history, details: { status: 'waitlisted', ...history.details } },
        mailed
          ? (from, condition, data) => this.outbox.insertStatement(this.mail.message(draft, event, 'waitlisted', mailed), from, condition, data)
          : undefined,
      ),
    ];
    const settle = async (manager: EntityManager, rows: unknown[][]): Promise<Created | null> => {
      const [written, seated, waiting] = rowWithSeat ? rows : [[{ id }], ...rows];
      if (written.length === 0) return null;
      const registration = Object.assign(draft, (seated as SettledRegistration[])[0]);
      const position = (waiting as { position: number }[])[0]?.position ?? null;
      await this.ledger.seated(manager, event, registration);
      if (mailed && registration.status !== 'pending') await this.outbox.written(manager);
      // The ticket (or the rank) by SMS, in the transaction: such a registration does not end with its seat (see execute).
      if (!optIn && smsToken && registration.status !== 'pending') {
        const step = registration.status === 'confirmed' ? 'confirmed' : 'waitlisted';
        await this.sms.send(manager, registration, event, step, {
          storedToken: smsToken,
          waitlistPosition: position ?? undefined,
          clientAddress: how.clientAddress,
        });
      }
      return { registration, token, position, verificationId };
    };
    return { statements, settle };
  }

  /**
   * A second attempt (rule 3): the same answer as a first one, and the existing registrant gets
   * their link again. Asked with a phone only, the answer is a new code by SMS to that phone,
   * which opens the registration (and confirms it, if pending) like the first code would.
   */
  private async again(
    manager: EntityManager,
    event: EventView,
    existing: Registration,
    asked: Participant,
    clientAddress?: string,
  ): Promise<RegistrationOutcome> {
    if (!asked.email && asked.phone) {
      const { verificationId, queued } = await this.sms.sendCode(manager, existing, event, { clientAddress });
      if (queued) await this.linkSent(manager, existing, { channel: 'sms' });
      return { status: 'check_phone', verificationId };
    }
    const step: RegistrationStep = existing.status === 'pending' ? 'check-email' : existing.status === 'confirmed' ? 'confirmed' : 'waitlisted';
    const position = existing.waitlistSeq ? await this.registrations.waitlistPosition(manager, event.id, existing.waitlistSeq) : undefined;
    if (await this.mail.send(manager, existing, event, step, { again: true, waitlistPosition: position, seatHeld: existing.holdsSeat, clientAddress })) {
      await this.linkSent(manager, existing);
    }
    // With or without the opt-in: a duplicate never hands out the first registration's token.
    return { status: 'check_email' };
  }

  private async linkSent(manager: EntityManager, r: Registration, details?: Record<string, unknown>): Promise<void> {
    await this.registrations.record(manager, {
      organizationId: r.organizationId,
      registrationId: r.id,
      at: this.clock.now(),
      action: 'link-sent',
      actor: 'system',
      details,
    });
  }

  /** `online`: the public form or API (the event's required questions must be answered); else the desk. */
  private participant(event: EventView, dto: RegisterDto | AddRegistrationDto, { online }: { online: boolean }): Participant {
    const errors: FieldError[] = [];
    const email = dto.email ? dto.email.trim().toLowerCase() : null;
    let phone: string | null = null;
    if (dto.phone) {
      phone = toE164(dto.phone, this.config.defaultPhoneCountry);
      if (!phone) errors.push({ field: 'phone', message: { fr: 'Numéro de téléphone invalide.', en: 'Invalid phone number.' } });
    }
    // A bad phone is said beside its own field; with neither, beside the email's.
    if (!email && !phone && !dto.phone) {
      errors.push({ field: 'email', message: { fr: 'Donnez un e-mail ou un téléphone.', en: 'Give an email or a phone.' } });
    }
    const checked = checkAnswers(event.questions, dto.answers, { requireAnswers: online });
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

/** A registration in the way that was gone when looked up: the attempt runs again. */
class RaceLost extends Error {}

function withoutToken(out: RegistrationOutcome): KeptOutcome {
  if (!('reference' in out)) return out;
  const { manageToken: _token, ...kept } = out;
  return kept;
}
