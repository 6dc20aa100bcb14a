import { MailTemplate, t } from './mail-content';
import { eventName, eventPage, hello, registrationDetails, registrationFooter } from './registration-common';

export const registrationCancelled: MailTemplate<'registration.cancelled'> = {
  // The links open the participant's registration: kept apart, and dropped once sent.
  secrets: ['manageLink'],
  compose(data, ctx) {
    const { locale } = ctx;
    const event = eventName(data, ctx);
    return {
      subject: t(locale, `Inscription annulée : ${event}`, `Registration cancelled: ${event}`),
      preheader: t(locale, `Votre inscription (référence ${data.reference}) est annulée.`, `Your registration (reference ${data.reference}) is cancelled.`),
      brand: event,
      heading: t(locale, 'Votre inscription est annulée', 'Your registration is cancelled'),
      blocks: [
        hello(data.firstName, ctx),
        {
          kind: 'paragraph',
          text: t(
            locale,
            `Votre inscription à ${event} est annulée ; votre place revient à la liste d'attente.`,
            `Your registration for ${event} is cancelled; your seat goes to the waiting list.`,
          ),
        },
        registrationDetails(data, ctx),
        {
          kind: 'paragraph',
          text: t(
            locale,
            "Si c'est une erreur, vous pouvez vous inscrire à nouveau tant que les inscriptions sont ouvertes.",
            'If this is a mistake, you can register again while registration is open.',
          ),
        },
        { kind: 'action', label: t(locale, "Voir l'événement", 'See the event'), href: eventPage(data, ctx) },
      ],
      footer: registrationFooter(data, ctx),
    };
  },
};
