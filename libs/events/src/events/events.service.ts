import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AppConfig, Clock, DomainError, DomainEvents, isUniqueViolation, Localized, Permission, requirePermission } from '@palabre/platform';
import { CreateEventDto, RegistrationQuestionDto, UpdateEventDto } from './event.dto';
import { CHOICE_KINDS, Event, EventStatus, RegistrationQuestion } from './event.entity';
import { EventError } from './event.errors';
import { EventSeats } from './event-seats';
import { EventsRepository } from './events.repository';

/** What the rest of Palabre sees of an event; the entity stays inside this lib. */
export interface EventView {
  id: string;
  organizationId: string;
  slug: string;
  acronym: string;
  title: Localized;
  description: Localized;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  colour: string;
  status: EventStatus;
  publishedAt: Date | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  capacity: number | null;
  confirmEmail: boolean;
  holdHours: number;
  /** Days without an answer before a speaker is reminded (0: never), and at most how many reminders. */
  speakerReminderDays: number;
  speakerReminderMax: number;
  /** Minutes after a workshop starts when no-shows' seats go to its waiting list; null: never. */
  noShowReleaseMinutes: number | null;
  questions: RegistrationQuestion[];
  consentText: Localized | null;
  updatedAt: Date;
}

/** The public state of registration for an event. */
export interface RegistrationAvailability {
  open: boolean;
  /** null: no limit. */
  capacity: number | null;
  /** null: no limit, or nobody counts the seats taken (no registration source). */
  remaining: number | null;
}

const endAfterStart = () =>
  new EventError('INVALID_EVENT_DATES', {}, [{ field: 'endsAt', message: { fr: 'La fin doit suivre le début.', en: 'The end must come after the start.' } }]);

@Injectable()
export class EventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly clock: Clock,
    private readonly seats: EventSeats,
    private readonly domainEvents: DomainEvents,
    private readonly config: AppConfig,
  ) {}

  async listPublished(): Promise<EventView[]> {
    return (await this.events.listPublished()).map(toEventView);
  }

  /**
   * A public event by its slug: published, or archived (kept for the record, off the list).
   * EVENT_NOT_FOUND for drafts and unknown slugs alike.
   */
  async getPublished(slug: string): Promise<EventView> {
    return toEventView(found(await this.events.findPublic(slug), slug));
  }

  /** An event by id whatever its status, for links that carry their own secret (a speaker's agenda). */
  async getById(id: string): Promise<EventView> {
    return toEventView(found(await this.events.findById(id), id));
  }

  /** Every event of the organization, drafts and archives included (back office). */
  /** Events of every organization that ended before this instant (jobs that act after a forum). */
  async endedBefore(before: Date): Promise<EventView[]> {
    return (await this.events.endedBefore(before)).map(toEventView);
  }

  async listForOrganization(organizationId: string): Promise<EventView[]> {
    return (await this.events.listForOrganization(organizationId)).map(toEventView);
  }

  /** One event of the organization, whatever its status. */
  async getForOrganization(organizationId: string, slug: string, manager?: EntityManager): Promise<EventView> {
    return toEventView(found(await this.events.findForOrganization(organizationId, slug, manager), slug));
  }

  /**
   * The gate of every organizer route under /events/{slug}: the event, when the caller holds
   * the permission in its organization. Outside their organizations the event does not exist
   * for them (EVENT_NOT_FOUND, exactly as for an unknown slug); a role without the permission
   * gets FORBIDDEN.
   */
  async forOrganizer(actor: Actor, slug: string, permission: Permission): Promise<EventView> {
    const e = found(memberOf(actor, await this.events.findBySlug(slug)), slug);
    requirePermission(actor, e.organizationId, permission);
    return toEventView(e);
  }

  /** The event when the caller is a member of its organization, else null (for routes that also answer the public). */
  async forMember(actor: Actor | undefined, slug: string): Promise<EventView | null> {
    if (!actor || actor.memberships.length === 0) return null;
    const e = memberOf(actor, await this.events.findBySlug(slug));
    return e ? toEventView(e) : null;
  }

  /**
   * Locks the event row until the caller's transaction ends and returns it fresh. Program
   * writes take this lock first, so two of them for one event never check conflicts at once.
   */
  async lockForUpdate(manager: EntityManager, organizationId: string, eventId: string): Promise<EventView> {
    // Left out only by a negative-control test (TEST_WITHOUT_LOCKS=event-program).
    return toEventView(found(await this.events.lock(manager, organizationId, eventId, this.config.locks('event-program')), eventId));
  }

  /**
   * The lock above, for a write to the event's program (rooms, tracks, speakers, sessions):
   * EVENT_ARCHIVED when it is archived, since an archived event is read-only. Holding the lock
   * until the write commits means an archive cannot slip in between the check and the write.
   */
  async lockWritable(manager: EntityManager, organizationId: string, eventId: string): Promise<EventView> {
    return writable(await this.lockForUpdate(manager, organizationId, eventId));
  }

  /** A write to the event's program in a transaction of its own, after lockWritable. */
  async changeProgram<T>(organizationId: string, eventId: string, work: (manager: EntityManager, event: EventView) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => work(manager, await this.lockWritable(manager, organizationId, eventId)));
  }

  async create(organizationId: string, dto: CreateEventDto, manager?: EntityManager): Promise<EventView> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (!(endsAt > startsAt)) throw endAfterStart();
    checkQuestions(dto.questions);
    if (await this.events.slugExists(dto.slug, manager)) throw slugTaken(dto.slug);
    try {
      const saved = await this.events.save(
        {
          organizationId,
          slug: dto.slug,
          acronym: dto.acronym ?? dto.slug,
          title: dto.title,
          description: dto.description ?? { fr: '' },
          startsAt,
          endsAt,
          timeZone: dto.timeZone,
          venueName: dto.venueName ?? '',
          venueAddress: dto.venueAddress ?? '',
          colour: dto.colour ?? '#0b6e4f',
          registrationOpensAt: dto.registrationOpensAt ? new Date(dto.registrationOpensAt) : null,
          registrationClosesAt: dto.registrationClosesAt ? new Date(dto.registrationClosesAt) : null,
          capacity: dto.capacity ?? null,
          confirmEmail: dto.confirmEmail ?? true,
          holdHours: dto.holdHours ?? 48,
          speakerReminderDays: dto.speakerReminderDays ?? 3,
          speakerReminderMax: dto.speakerReminderMax ?? 2,
          noShowReleaseMinutes: dto.noShowReleaseMinutes ?? null,
          questions: toQuestions(dto.questions ?? []),
          consentText: dto.consentText ?? null,
        },
        manager,
      );
      return toEventView(saved);
    } catch (error) {
      // Two creations racing for one slug: the unique index decides.
      if (isUniqueViolation(error)) throw slugTaken(dto.slug);
      throw error;
    }
  }

  async update(organizationId: string, slug: string, dto: UpdateEventDto): Promise<EventView> {
    const e = writable(found(await this.events.findForOrganization(organizationId, slug), slug));
    checkQuestions(dto.questions);
    const date = (v: string | null | undefined, current: Date | null) => (v === undefined ? current : v === null ? null : new Date(v));
    e.acronym = dto.acronym ?? e.acronym;
    e.title = dto.title ?? e.title;
    e.description = dto.description ?? e.description;
    e.startsAt = dto.startsAt ? new Date(dto.startsAt) : e.startsAt;
    e.endsAt = dto.endsAt ? new Date(dto.endsAt) : e.endsAt;
    e.timeZone = dto.timeZone ?? e.timeZone;
    e.venueName = dto.venueName ?? e.venueName;
    e.venueAddress = dto.venueAddress ?? e.venueAddress;
    e.colour = dto.colour ?? e.colour;
    e.registrationOpensAt = date(dto.registrationOpensAt, e.registrationOpensAt);
    e.registrationClosesAt = date(dto.registrationClosesAt, e.registrationClosesAt);
    const capacityBefore = e.capacity;
    if (dto.capacity !== undefined) e.capacity = dto.capacity;
    e.confirmEmail = dto.confirmEmail ?? e.confirmEmail;
    e.holdHours = dto.holdHours ?? e.holdHours;
    e.speakerReminderDays = dto.speakerReminderDays ?? e.speakerReminderDays;
    e.speakerReminderMax = dto.speakerReminderMax ?? e.speakerReminderMax;
    if (dto.noShowReleaseMinutes !== undefined) e.noShowReleaseMinutes = dto.noShowReleaseMinutes;
    if (dto.questions) e.questions = toQuestions(dto.questions);
    if (dto.consentText !== undefined) e.consentText = dto.consentText;
    if (!(e.endsAt > e.startsAt)) throw endAfterStart();
    if (e.capacity === capacityBefore) return this.changed(e);
    // A raise frees seats: the waiting list gets them in the transaction that raised it.
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.changed(e, manager);
      await this.seats.capacityChanged(manager, saved);
      return saved;
    });
  }

  async publish(organizationId: string, slug: string, manager?: EntityManager): Promise<EventView> {
    const e = writable(found(await this.events.findForOrganization(organizationId, slug, manager), slug));
    e.status = 'published';
    e.publishedAt ??= this.clock.now();
    return this.changed(e, manager);
  }

  /** Archived: off the public list and read-only; its pages and exports stay for the record. */
  async archive(organizationId: string, slug: string): Promise<EventView> {
    const e = found(await this.events.findForOrganization(organizationId, slug), slug);
    e.status = 'archived';
    return this.changed(e);
  }

  /** Whether registration is open now, and the seats left (the registration context counts them). */
  async registrationAvailability(event: EventView): Promise<RegistrationAvailability> {
    const taken = event.capacity === null ? null : await this.seats.taken(event.id);
    return registrationAvailability(event, this.clock.now(), taken);
  }

  /** Saves a change the public sees, and says so (after commit, when in a transaction). */
  private async changed(e: Event, manager?: EntityManager): Promise<EventView> {
    const saved = await this.events.save(e, manager);
    await this.domainEvents.publish(manager, { name: 'event.changed', eventId: saved.id, organizationId: saved.organizationId, slug: saved.slug });
    return toEventView(saved);
  }
}

/** The event, or EVENT_NOT_FOUND (named by the slug, or the id, asked for). */
function found(e: Event | null, slug: string): Event {
  if (!e) throw new EventError('EVENT_NOT_FOUND', { slug });
  return e;
}

/** The event when the caller is a member of its organization. */
function memberOf(actor: Actor, e: Event | null): Event | null {
  return e && actor.memberships.some((m) => m.organizationId === e.organizationId) ? e : null;
}

/** An archived event is read-only: EVENT_ARCHIVED. */
function writable<T extends { status: EventStatus; slug: string }>(e: T): T {
  if (e.status === 'archived') throw new EventError('EVENT_ARCHIVED', { slug: e.slug });
  return e;
}

/**
 * Open when published, inside the registration window and before the event ends — full or not:
 * when every seat is taken, newcomers join the waiting list.
 * `taken` null: not counted, so the seats left are unknown (null) rather than invented.
 */
export function registrationAvailability(event: EventView, now: Date, taken: number | null): RegistrationAvailability {
  const remaining = event.capacity === null || taken === null ? null : Math.max(0, event.capacity - taken);
  const open =
    event.status === 'published' &&
    (event.registrationOpensAt === null || now >= event.registrationOpensAt) &&
    (event.registrationClosesAt === null || now < event.registrationClosesAt) &&
    now < event.endsAt;
  return { open, capacity: event.capacity, remaining };
}

function slugTaken(slug: string): DomainError {
  return new EventError('EVENT_SLUG_TAKEN', { slug }, [
    { field: 'slug', message: { fr: 'Cette adresse est déjà prise.', en: 'This address is already taken.' } },
  ]);
}

function checkQuestions(questions: RegistrationQuestionDto[] | undefined): void {
  if (!questions) return;
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    if (seen.has(q.id)) {
      throw new EventError('INVALID_QUESTIONS', {}, [{ field: `questions.${i}.id`, message: { fr: 'Identifiant déjà utilisé.', en: 'Id already used.' } }]);
    }
    seen.add(q.id);
    if (!CHOICE_KINDS.includes(q.kind) && q.choices) {
      throw new EventError('INVALID_QUESTIONS', {}, [
        { field: `questions.${i}.choices`, message: { fr: 'Seule une question à choix a des choix.', en: 'Only a choice question has choices.' } },
      ]);
    }
  });
}

function toQuestions(questions: RegistrationQuestionDto[]): RegistrationQuestion[] {
  return questions.map((q) => ({
    id: q.id,
    label: { fr: q.label.fr, ...(q.label.en ? { en: q.label.en } : {}) },
    kind: q.kind,
    required: q.required,
    ...(CHOICE_KINDS.includes(q.kind) ? { choices: (q.choices ?? []).map((c) => ({ value: c.value, label: c.label })) } : {}),
  }));
}

export function toEventView(e: Event): EventView {
  return {
    id: e.id,
    organizationId: e.organizationId,
    slug: e.slug,
    acronym: e.acronym,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    venueName: e.venueName,
    venueAddress: e.venueAddress,
    colour: e.colour,
    status: e.status,
    publishedAt: e.publishedAt,
    registrationOpensAt: e.registrationOpensAt,
    registrationClosesAt: e.registrationClosesAt,
    capacity: e.capacity,
    confirmEmail: e.confirmEmail,
    holdHours: e.holdHours,
    speakerReminderDays: e.speakerReminderDays,
    speakerReminderMax: e.speakerReminderMax,
    noShowReleaseMinutes: e.noShowReleaseMinutes,
    questions: e.questions,
    consentText: e.consentText,
    updatedAt: e.updatedAt,
  };
}
