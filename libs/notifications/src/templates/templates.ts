import { authMagicLink } from './auth-magic-link.template';
import { MailTemplate } from './mail-content';
import { memberInvitation } from './member-invitation.template';
import { partnerInvitation } from './partner-invitation.template';
import { programChange } from './program-change.template';
import { registrationCancelled } from './registration-cancelled.template';
import { registrationCheckEmail } from './registration-check-email.template';
import { registrationConfirmed } from './registration-confirmed.template';
import { registrationHoldExpired } from './registration-hold-expired.template';
import { registrationPromoted } from './registration-promoted.template';
import { registrationReminder } from './registration-reminder.template';
import { registrationWaitlisted } from './registration-waitlisted.template';
import { speakerAnswers } from './speaker-answers.template';
import { registrationWorkshops } from './registration-workshops.template';
import { speakerInvitation } from './speaker-invitation.template';
import { speakerReminder } from './speaker-reminder.template';
import type { TemplateName } from './template-data';

/** One template per kind of message; the mapped type makes a missing one a compile error. */
export const TEMPLATES: { [K in TemplateName]: MailTemplate<K> } = {
  'auth.magic-link': authMagicLink,
  'member.invitation': memberInvitation,
  'partner.invitation': partnerInvitation,
  'speaker.invitation': speakerInvitation,
  'speaker.reminder': speakerReminder,
  'speaker.answers': speakerAnswers,
  'program.change': programChange,
  'registration.check-email': registrationCheckEmail,
  'registration.confirmed': registrationConfirmed,
  'registration.waitlisted': registrationWaitlisted,
  'registration.promoted': registrationPromoted,
  'registration.cancelled': registrationCancelled,
  'registration.hold-expired': registrationHoldExpired,
  'registration.reminder': registrationReminder,
  'registration.workshops': registrationWorkshops,
};

export function isTemplateName(name: string): name is TemplateName {
  return Object.prototype.hasOwnProperty.call(TEMPLATES, name);
}
