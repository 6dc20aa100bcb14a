import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig, Clock, isLocale } from '@palabre/platform';
import type { EventView } from '@palabre/events';
import { newSecret } from '@palabre/identity';
import { EnqueueMessage, OutboxService, RegistrationMailData, RegistrationWorkshop, TemplateName } from '@palabre/notifications';
import { RegistrationSms, SmsOptions } from '../sms/registration-sms';
import { SignupsRepository } from '../workshops/signups.repository';
import type { Workshop } from '../workshops/workshops';
import { manageUrl } from './manage-url';
import { Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';

/** The step a message tells of; each is sent once per registration (the outbox's dedupe key). */
export type RegistrationStep = 'check-email' | 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled' | 'hold-expired';

/**
 * Why a participant hears about their workshops: their choice changed (each change once, by its
 * id), or a workshop's seat freed up for them (once per promotion: the waiting-list number they
 * left is unique to that spell on the list).
 */
export type WorkshopsNews = { reason: 'changed'; changeId: string } | { reason: 'seat-freed'; sessionId: string; fromWaitlistSeq: string };

/**
 * Writes a registration's emails to the outbox in the caller's transaction. Each message
 * carries a fresh manage link (its token stored hashed): every email opens the participant's
 * page, and resending one never breaks the links sent before.
 */
@Injectable()
export class RegistrationMail {
  constructor(
    private readonly outbox: OutboxService,
    private readonly registrations: RegistrationsRepository,
    private readonly signups: SignupsRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly sms: RegistrationSms,
  ) {}

  /**
   * The message of a step; `again` resends it (a second registration attempt, the desk's
   * « renvoyer »), at most once an hour. Email is the channel when there is an address; a
   * participant with a phone only gets the step's text message instead (RegistrationSms).
   */
  async send(manager: EntityManager, r: Registration, event: EventView, step: RegistrationStep, options: SmsOptions & { seatHeld?: boolean } = {}) {
    if (!r.email) return this.sms.send(manager, r, event, step, options);
    // A new registration stores its message's token with the row (RegistrationsRepository.insertStatement), before its seat.
    const token = options.storedToken ?? newSecret();
    const queued = await this.outbox.enqueue(manager, this.message(r, event, step, token, options));
    if (queued && !options.storedToken) await this.registrations.addToken(manager, r.id, token);
    return queued;
  }

  /** The message of a step, with its manage link (the token's hash stored by the caller); `r.email` must be set. */
  message(
    r: Registration,
    event: EventView,
    step: RegistrationStep,
    token: string,
    options: { again?: boolean; waitlistPosition?: number; seatHeld?: boolean } = {},
  ): EnqueueMessage<TemplateName> {
    const link = manageUrl(this.config.publicUrl, token);
    const dedupeKey = options.again ? `registration:${r.id}:${step}:again:${this.clock.now().toISOString().slice(0, 13)}` : `registration:${r.id}:${step}`;
    const common = { to: r.email!, locale: isLocale(r.locale) ? r.locale : ('fr' as const), dedupeKey, organizationId: r.organizationId, eventId: r.eventId };
    const data = this.data(r, event, link);
    const ticket = { ticketCode: r.ticketCode, ticketLink: `${link}#billet` };
    switch (step) {
      case 'check-email':
        return {
          ...common,
          template: 'registration.check-email',
          // No seat held (the event was full): confirming joins the waiting list, and the message says so.
          data: { firstName: r.firstName, eventTitle: event.title, confirmLink: link, holdHours: options.seatHeld === false ? null : event.holdHours },
        };
      case 'confirmed':
        return { ...common, template: 'registration.confirmed', data: { ...data, ...ticket } };
      case 'promoted':
        return { ...common, template: 'registration.promoted', data: { ...data, ...ticket } };
      case 'waitlisted':
        return { ...common, template: 'registration.waitlisted', data: { ...data, waitlistPosition: options.waitlistPosition ?? 0 } };
      case 'cancelled':
        return { ...common, template: 'registration.cancelled', data };
      case 'hold-expired':
        return { ...common, template: 'registration.hold-expired', data };
    }
  }

  /** The token of a workshops message about to be sent (stored now, before any seat is locked); undefined when none will be. */
  async storeWorkshopsToken(manager: EntityManager, r: Registration): Promise<string | undefined> {
    if (!r.email || r.status !== 'confirmed') return undefined;
    const token = newSecret();
    await this.registrations.addToken(manager, r.id, token);
    return token;
  }

  async sendWorkshops(
    manager: EntityManager,
    r: Registration,
    event: EventView,
    workshops: Map<string, Workshop>,
    news: WorkshopsNews,
    storedToken?: string,
  ): Promise<boolean> {
    if (!r.email || r.status !== 'confirmed') return false;
    const token = storedToken ?? newSecret();
    const signups = await this.signups.forRegistration(r.id, manager);
    const listed: RegistrationWorkshop[] = signups.flatMap((s) => {
      const w = workshops.get(s.sessionId);
      return w ? [{ title: w.title, startsAt: w.startsAt, endsAt: w.endsAt, room: w.room, status: s.status, waitlistPosition: s.waitlistPosition }] : [];
    });
    listed.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const dedupeKey =
      news.reason === 'changed'
        ? `registration:${r.id}:workshops:${news.changeId}`
        : `registration:${r.id}:workshop:${news.sessionId}:seat-freed:${news.fromWaitlistSeq}`;
    const queued = await this.outbox.enqueue(manager, {
      to: r.email,
      locale: isLocale(r.locale) ? r.locale : 'fr',
      dedupeKey,
      organizationId: r.organizationId,
      eventId: r.eventId,
      template: 'registration.workshops',
      data: {
        ...this.data(r, event, manageUrl(this.config.publicUrl, token)),
        reason: news.reason,
        ...(news.reason === 'seat-freed' && workshops.has(news.sessionId) ? { freedWorkshop: workshops.get(news.sessionId)!.title } : {}),
        workshops: listed,
      },
    });
    if (queued && !storedToken) await this.registrations.addToken(manager, r.id, token);
    return queued;
  }

  private data(r: Registration, event: EventView, manageLink: string): RegistrationMailData {
    return {
      firstName: r.firstName,
      reference: r.reference,
      eventTitle: event.title,
      eventSlug: event.slug,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timeZone: event.timeZone,
      venueName: event.venueName,
      manageLink,
    };
  }
}
