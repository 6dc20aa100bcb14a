import { t } from './mail-content';
import { eventPage, hello, registrationDetails, registrationMail } from './registration-common';

export const registrationCancelled = registrationMail<'registration.cancelled'>(['manageLink'], ({ data, ctx, locale, event }) => ({
  subject: t(locale, `Inscription annulée : ${event}`, `Registration cancelled: ${event}`),
  preheader: t(locale, `Votre inscription (référence ${data.reference}) est annulée.`, `Your registration (reference ${data.reference}) is cancelled.`),
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
}));
