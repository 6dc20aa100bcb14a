import { Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig, Clock, isLocale, Locale } from '@palabre/platform';
import type { EventView } from '@palabre/events';
import { newSecret } from '@palabre/identity';
import { OutboxService, SmsTemplateDataMap, SmsTemplateName } from '@palabre/notifications';
import { manageUrl } from '../registrations/manage-url';
import { Registration } from '../registrations/registration.entity';
import type { RegistrationStep } from '../registrations/registration-mail';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import { SmsCodesRepository } from './sms-codes.repository';

/** How long a code sent by SMS may be entered. */
export const SMS_CODE_MINUTES = 10;

export interface SmsOptions {
  /** A resend (a second registration attempt, the desk's « renvoyer »): at most once an hour per step. */
  again?: boolean;
  waitlistPosition?: number;
  /** The token of the text's link, already stored with a new registration's row. */
  storedToken?: string;
  /** The client whose request causes the text (its hourly SMS limit). */
  clientAddress?: string;
}

/**
 * A registration's text messages, for a participant who gave a phone and no email: the same
 * steps as the emails, each with a fresh manage link (its token stored hashed), written to
 * the outbox in the caller's transaction and counted against the SMS limits. A text refused by
 * a limit is never sent; the registration stands.
 */
@Injectable()
export class RegistrationSms {
  constructor(
    private readonly outbox: OutboxService,
    private readonly registrations: RegistrationsRepository,
    private readonly codes: SmsCodesRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The text of a step (the opt-in's step sends a code); false when none was queued. */
  async send(manager: EntityManager, r: Registration, event: EventView, step: RegistrationStep, options: SmsOptions = {}): Promise<boolean> {
    if (!r.phone || r.erasedAt) return false;
    if (step === 'check-email') return (await this.sendCode(manager, r, event, options)).queued;
    const token = options.storedToken ?? newSecret();
    const link = manageUrl(this.config.publicUrl, token);
    const who = { firstName: r.firstName, event: event.title };
    const ticket = { ...who, ticketCode: r.ticketCode, link };
    const send = <T extends SmsTemplateName>(template: T, data: SmsTemplateDataMap[T]) => this.enqueue(manager, r, step, options, template, data);
    let queued: boolean;
    switch (step) {
      case 'confirmed':
      case 'promoted':
        queued = await send(step === 'confirmed' ? 'sms.confirmed' : 'sms.promoted', ticket);
        break;
      case 'waitlisted':
        queued = await send('sms.waitlisted', { ...who, position: options.waitlistPosition ?? 0, link });
        break;
      case 'hold-expired':
        queued = await send('sms.hold-expired', { ...who, link });
        break;
      case 'cancelled':
        // No registration link: it is over. The event's page, to register again.
        queued = await send('sms.cancelled', { ...who, link: `${this.config.publicUrl}/e/${event.slug}` });
        break;
    }
    if (queued && !options.storedToken && step !== 'cancelled') await this.registrations.addToken(manager, r.id, token);
    return queued;
  }

  /** The day-before reminder, once (its dedupe key); false when it went already or a limit refused it. */
  async sendReminder(manager: EntityManager, r: Registration, event: EventView): Promise<boolean> {
    if (!r.phone || r.erasedAt) return false;
    const token = newSecret();
    const data = {
      firstName: r.firstName,
      event: event.title,
      startsAt: event.startsAt.toISOString(),
      timeZone: event.timeZone,
      venue: event.venueName,
      link: manageUrl(this.config.publicUrl, token),
    };
    const queued = await this.enqueue(manager, r, 'reminder', {}, 'sms.reminder', data);
    if (queued) await this.registrations.addToken(manager, r.id, token);
    return queued;
  }

  /**
   * A confirmation code (six digits, valid ten minutes, five attempts), with the registration's
   * link in the same text. Answers the code's id, which the page or the API client keeps to
   * enter it — whether or not a limit let the text go, so that the answer never tells.
   */
  async sendCode(manager: EntityManager, r: Registration, event: EventView, options: SmsOptions = {}): Promise<{ verificationId: string; queued: boolean }> {
    const verificationId = randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.codes.insert(manager, {
      id: verificationId,
      registrationId: r.id,
      code,
      expiresAt: new Date(this.clock.now().getTime() + SMS_CODE_MINUTES * 60_000),
    });
    const token = options.storedToken ?? newSecret();
    const data = { code, event: event.title, link: manageUrl(this.config.publicUrl, token), validMinutes: SMS_CODE_MINUTES };
    const queued = await this.enqueue(manager, r, `code:${verificationId}`, { clientAddress: options.clientAddress }, 'sms.code', data);
    if (queued && !options.storedToken) await this.registrations.addToken(manager, r.id, token);
    return { verificationId, queued };
  }

  private async enqueue<T extends SmsTemplateName>(
    manager: EntityManager,
    r: Registration,
    key: string,
    options: SmsOptions,
    template: T,
    data: SmsTemplateDataMap[T],
  ): Promise<boolean> {
    const hour = this.clock.now().toISOString().slice(0, 13);
    const locale: Locale = isLocale(r.locale) ? r.locale : 'fr';
    const { queued } = await this.outbox.enqueueSms(manager, {
      to: r.phone!,
      template,
      data,
      locale,
      dedupeKey: options.again ? `registration:${r.id}:sms:${key}:again:${hour}` : `registration:${r.id}:sms:${key}`,
      organizationId: r.organizationId,
      eventId: r.eventId,
      clientAddress: options.clientAddress,
    });
    return queued;
  }
}
