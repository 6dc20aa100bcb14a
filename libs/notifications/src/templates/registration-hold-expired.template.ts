import { t } from './mail-content';
import { eventPage, hello, registrationDetails, registrationMail } from './registration-common';

export const registrationHoldExpired = registrationMail<'registration.hold-expired'>(['manageLink'], ({ data, ctx, locale, event }) => ({
  subject: t(locale, `Place libérée faute de confirmation : ${event}`, `Seat released, registration never confirmed: ${event}`),
  preheader: t(locale, "Votre inscription n'a pas été confirmée à temps.", 'Your registration was not confirmed in time.'),
  heading: t(locale, 'Votre place réservée a expiré', 'Your held seat has expired'),
  blocks: [
    hello(data.firstName, ctx),
    {
      kind: 'paragraph',
      text: t(
        locale,
        `Vous n'avez pas confirmé votre inscription à ${event} à temps : la place qui vous était réservée a été libérée pour quelqu'un d'autre.`,
        `You did not confirm your registration for ${event} in time: the seat held for you has gone to someone else.`,
      ),
    },
    registrationDetails(data, ctx),
    { kind: 'paragraph', text: t(locale, "Vous pouvez vous inscrire à nouveau s'il reste des places.", 'You can register again if seats remain.') },
    { kind: 'action', label: t(locale, "M'inscrire à nouveau", 'Register again'), href: eventPage(data, ctx) },
  ],
}));
