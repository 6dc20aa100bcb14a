import { formatDay } from './format';
import { MailTemplate, t } from './mail-content';
import { eventName, hello, manageLink, registrationDetails, registrationFooter } from './registration-common';

export const registrationReminder: MailTemplate<'registration.reminder'> = {
  // The links open the participant's registration: kept apart, and dropped once sent.
  secrets: ['manageLink', 'ticketLink'],
  compose(data, ctx) {
    const { locale } = ctx;
    const event = eventName(data, ctx);
    const when = formatDay(data.startsAt, data.timeZone, locale);
    return {
      subject: t(locale, `Rappel : ${event} commence le ${when}`, `Reminder: ${event} starts on ${when}`),
      preheader: t(locale, "L'essentiel pour venir, et votre billet.", 'What you need to come, and your ticket.'),
      brand: event,
      heading: t(locale, `À bientôt à ${event}`, `See you soon at ${event}`),
      blocks: [
        hello(data.firstName, ctx),
        { kind: 'paragraph', text: t(locale, `${event} approche. Voici l'essentiel pour venir :`, `${event} is coming up. Here is what you need to come:`) },
        registrationDetails(data, ctx),
        { kind: 'action', label: t(locale, 'Afficher mon billet', 'Show my ticket'), href: data.ticketLink },
        manageLink(data, ctx, t(locale, 'Vous ne pouvez plus venir ? Annulez pour libérer votre place', 'Cannot come any more? Cancel to free your seat')),
      ],
      footer: registrationFooter(data, ctx),
    };
  },
};
