import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig, Clock, isLocale, Localized } from '@palabre/platform';
import type { EventView } from '@palabre/events';
import { newSecret } from '@palabre/identity';
import { OutboxService, RegistrationMailData } from '@palabre/notifications';
import { Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';

/** The step a message tells of; each is sent once per registration (the outbox's dedupe key). */
export type RegistrationStep = 'check-email' | 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled' | 'hold-expired';

/** The participant's page, which a manage token opens. */
export function manageUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/r/${token}`;
}

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
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The message of a step; `again` resends it (a second registration attempt, the desk's « renvoyer »), at most once an hour. */
  async send(manager: EntityManager, r: Registration, event: EventView, step: RegistrationStep, options: { again?: boolean; waitlistPosition?: number } = {}) {
    if (!r.email) return false;
    const token = newSecret();
    const link = manageUrl(this.config.publicUrl, token);
    const dedupeKey = options.again ? `registration:${r.id}:${step}:again:${this.clock.now().toISOString().slice(0, 13)}` : `registration:${r.id}:${step}`;
    const common = { to: r.email, locale: isLocale(r.locale) ? r.locale : ('fr' as const), dedupeKey, organizationId: r.organizationId, eventId: r.eventId };
    const data = this.data(r, event, link);
    const ticket = { ticketCode: r.ticketCode, ticketLink: `${link}#billet` };
    let queued: boolean;
    switch (step) {
      case 'check-email':
        queued = await this.outbox.enqueue(manager, {
          ...common,
          template: 'registration.check-email',
          data: { firstName: r.firstName, eventTitle: event.title, confirmLink: link, holdHours: r.holdsSeat ? event.holdHours : null },
        });
        break;
      case 'confirmed':
        queued = await this.outbox.enqueue(manager, { ...common, template: 'registration.confirmed', data: { ...data, ...ticket } });
        break;
      case 'promoted':
        queued = await this.outbox.enqueue(manager, { ...common, template: 'registration.promoted', data: { ...data, ...ticket } });
        break;
      case 'waitlisted':
        queued = await this.outbox.enqueue(manager, {
          ...common,
          template: 'registration.waitlisted',
          data: { ...data, waitlistPosition: options.waitlistPosition ?? 0 },
        });
        break;
      case 'cancelled':
        queued = await this.outbox.enqueue(manager, { ...common, template: 'registration.cancelled', data });
        break;
      case 'hold-expired':
        queued = await this.outbox.enqueue(manager, { ...common, template: 'registration.hold-expired', data });
        break;
    }
    if (queued) await this.registrations.addToken(manager, r.id, token);
    return queued;
  }

  /** A workshop seat handed to this person from the workshop's waiting list: once per registration and workshop. */
  async sendWorkshopPromoted(
    manager: EntityManager,
    r: Registration,
    event: EventView,
    workshop: { id: string; title: Localized; startsAt: string; endsAt: string; room: string | null },
  ): Promise<boolean> {
    if (!r.email) return false;
    const token = newSecret();
    const queued = await this.outbox.enqueue(manager, {
      to: r.email,
      locale: isLocale(r.locale) ? r.locale : 'fr',
      dedupeKey: `registration:${r.id}:workshop-promoted:${workshop.id}`,
      organizationId: r.organizationId,
      eventId: r.eventId,
      template: 'registration.workshop-promoted',
      data: {
        ...this.data(r, event, manageUrl(this.config.publicUrl, token)),
        sessionTitle: workshop.title,
        sessionStartsAt: workshop.startsAt,
        sessionEndsAt: workshop.endsAt,
        room: workshop.room,
      },
    });
    if (queued) await this.registrations.addToken(manager, r.id, token);
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
