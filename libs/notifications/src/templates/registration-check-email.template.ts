import { pick } from '@palabre/platform';
import { MailTemplate, t } from './mail-content';
import { hello } from './registration-common';

/** Double opt-in: the registration is NOT confirmed yet, and the subject says so. */
export const registrationCheckEmail: MailTemplate<'registration.check-email'> = {
  // The links open the participant's registration: kept apart, and dropped once sent.
  secrets: ['confirmLink'],
  compose(data, ctx) {
    const { locale } = ctx;
    const event = pick(data.eventTitle, locale);
    return {
      subject: t(locale, `Action requise : confirmez votre inscription à ${event}`, `Action needed: confirm your registration for ${event}`),
      preheader:
        data.holdHours === null
          ? t(locale, "L'événement est complet : confirmez pour rejoindre la liste d'attente.", 'The event is full: confirm to join the waiting list.')
          : t(
              locale,
              `Votre place est réservée ${data.holdHours} heures, en attente de votre confirmation.`,
              `Your seat is held for ${data.holdHours} hours, waiting for your confirmation.`,
            ),
      brand: event,
      heading: t(locale, 'Confirmez votre inscription', 'Confirm your registration'),
      blocks: [
        hello(data.firstName, ctx),
        {
          kind: 'paragraph',
          text: t(
            locale,
            `Nous avons bien reçu votre demande d'inscription à ${event}. Elle n'est pas encore confirmée : cliquez sur le bouton ci-dessous pour confirmer votre adresse e-mail.`,
            `We have received your request to register for ${event}. It is not confirmed yet: click the button below to confirm your email address.`,
          ),
        },
        { kind: 'action', label: t(locale, 'Confirmer mon inscription', 'Confirm my registration'), href: data.confirmLink },
        {
          kind: 'paragraph',
          text:
            data.holdHours === null
              ? t(
                  locale,
                  "L'événement est complet pour le moment : une fois votre adresse confirmée, vous rejoindrez la liste d'attente, et nous vous écrirons dès qu'une place se libère.",
                  'The event is full for now: once your address is confirmed you join the waiting list, and we write as soon as a seat frees up.',
                )
              : t(
                  locale,
                  `Votre place est réservée pendant ${data.holdHours} heures. Sans confirmation, elle sera libérée pour quelqu'un d'autre.`,
                  `Your seat is held for ${data.holdHours} hours. Without confirmation it goes to someone else.`,
                ),
        },
        {
          kind: 'paragraph',
          text: t(locale, "Si vous n'avez pas demandé cette inscription, ignorez ce message.", 'If you did not ask to register, ignore this message.'),
        },
      ],
      footer: t(
        locale,
        `Vous recevez ce message parce que cette adresse a été saisie dans le formulaire d'inscription de ${event}.`,
        `You receive this message because this address was entered in the ${event} registration form.`,
      ),
    };
  },
};
