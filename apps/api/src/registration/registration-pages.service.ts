import { Injectable } from '@nestjs/common';
import { Clock, Locale, ProblemDocument } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { ParticipantRegistrations, RegistrationView, SMS_CODE_MINUTES, Workshops } from '@palabre/registration';
import { formValues, RegistrationFormValues } from './registration-form';
import {
  ParticipantNotice,
  ParticipantPageModel,
  toCheckEmailPageModel,
  toCheckPhonePageModel,
  toConfirmStepModel,
  toErasedPageModel,
  toParticipantPageModel,
  toRegistrationFormPageModel,
} from './registration-pages.model';
import {
  renderCheckEmailPage,
  renderCheckPhonePage,
  renderConfirmStep,
  renderErasedPage,
  renderParticipantPage,
  renderRegistrationFormPage,
} from './registration-pages';
import { ticketSvg } from './ticket';

/** The QR code at a size that scans on a phone and stays modest on a wide screen. */
const TICKET_SIZE = 240;

/**
 * The participant's pages — the registration form, "check your email", the participant's own
 * page and its confirmation steps — built from the services the API uses. Never cached: they
 * show the seats left now, or one person's registration.
 */
@Injectable()
export class RegistrationPagesService {
  constructor(
    private readonly events: EventsService,
    private readonly workshops: Workshops,
    private readonly participants: ParticipantRegistrations,
    private readonly clock: Clock,
  ) {}

  /** The published event (EVENT_NOT_FOUND otherwise), for reading a form against its questions. */
  event(slug: string): Promise<EventView> {
    return this.events.getPublished(slug);
  }

  async formPage(event: EventView, locale: Locale, form: { values?: RegistrationFormValues; problem?: ProblemDocument } = {}): Promise<string> {
    const [availability, workshops] = await Promise.all([this.events.registrationAvailability(event), this.workshops.withSeatsLeft(event.id)]);
    const values = form.values ?? formValues({}, event.questions);
    return renderRegistrationFormPage(toRegistrationFormPageModel(event, availability, workshops, this.clock.now(), locale, { values, problem: form.problem }));
  }

  checkEmailPage(event: EventView, locale: Locale): string {
    return renderCheckEmailPage(toCheckEmailPageModel(event, locale));
  }

  /** Enter the code received by SMS (with the refusal of a code entered wrong). */
  checkPhonePage(event: EventView, locale: Locale, verificationId: string, problem?: ProblemDocument): string {
    return renderCheckPhonePage(toCheckPhonePageModel(event, locale, verificationId, SMS_CODE_MINUTES, problem));
  }

  /** REGISTRATION_NOT_FOUND for a token that opens nothing. */
  async participantPage(
    token: string,
    locale: Locale,
    options: { notice?: ParticipantNotice; problem?: ParticipantPageModel['problem']; values?: RegistrationFormValues } = {},
  ): Promise<string> {
    const r = await this.participants.byToken(token);
    return this.render(token, r, locale, options);
  }

  async render(
    token: string,
    r: RegistrationView,
    locale: Locale,
    options: { notice?: ParticipantNotice; problem?: ParticipantPageModel['problem']; values?: RegistrationFormValues } = {},
  ): Promise<string> {
    const [workshops, svg] = await Promise.all([this.workshops.withSeatsLeft(r.event.id), r.ticketCode ? ticketSvg(r.ticketCode) : null]);
    const sized = svg ? svg.replace('<svg ', `<svg width="${TICKET_SIZE}" height="${TICKET_SIZE}" aria-hidden="true" focusable="false" `) : null;
    return renderParticipantPage(toParticipantPageModel(token, r, workshops, sized, locale, options));
  }

  /** The step before cancelling or erasing: REGISTRATION_NOT_FOUND for a token that opens nothing. */
  async confirmStep(token: string, locale: Locale, step: 'cancel' | 'erase'): Promise<string> {
    const r = await this.participants.byToken(token);
    return renderConfirmStep(toConfirmStepModel(token, r.event, locale, step));
  }

  erasedPage(event: EventView, locale: Locale): string {
    return renderErasedPage(toErasedPageModel(event, locale));
  }
}
