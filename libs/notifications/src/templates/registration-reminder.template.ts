import { formatDay } from './format';
import { t } from './mail-content';
import { hello, manageLink, registrationDetails, registrationMail } from './registration-common';

export const registrationReminder = registrationMail<'registration.reminder'>(['manageLink', 'ticketLink'], ({ data, ctx, locale, event }) => {
  const when = formatDay(data.startsAt, data.timeZone, locale);
  return {
    subject: t(locale, `Rappel : ${event} commence le ${when}`, `Reminder: ${event} starts on ${when}`),
    preheader: t(locale, "L'essentiel pour venir, et votre billet.", 'What you need to come, and your ticket.'),
    heading: t(locale, `À bientôt à ${event}`, `See you soon at ${event}`),
    blocks: [
      hello(data.firstName, ctx),
      { kind: 'paragraph', text: t(locale, `${event} approche. Voici l'essentiel pour venir :`, `${event} is coming up. Here is what you need to come:`) },
      registrationDetails(data, ctx),
      { kind: 'action', label: t(locale, 'Afficher mon billet', 'Show my ticket'), href: data.ticketLink },
      manageLink(data, ctx, t(locale, 'Vous ne pouvez plus venir ? Annulez pour libérer votre place', 'Cannot come any more? Cancel to free your seat')),
    ],
  };
});
