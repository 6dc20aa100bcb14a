import { t } from './mail-content';
import { hello, manageLink, registrationCalendar, registrationDetails, registrationMail } from './registration-common';
import { formatSpan } from './format';

export const registrationConfirmed = registrationMail<'registration.confirmed'>(['manageLink', 'ticketLink'], ({ data, ctx, locale, event }) => ({
  subject: t(locale, `Inscription confirmée : ${event}`, `Registration confirmed: ${event}`),
  preheader: t(
    locale,
    `Votre billet pour ${event}, ${formatSpan(data.startsAt, data.endsAt, data.timeZone, locale)}.`,
    `Your ticket for ${event}, ${formatSpan(data.startsAt, data.endsAt, data.timeZone, locale)}.`,
  ),
  heading: t(locale, 'Votre inscription est confirmée', 'Your registration is confirmed'),
  blocks: [
    hello(data.firstName, ctx),
    {
      kind: 'paragraph',
      text: t(
        locale,
        `Votre place à ${event} est confirmée. Présentez votre billet (code QR) à l'entrée.`,
        `Your seat at ${event} is confirmed. Show your ticket (QR code) at the door.`,
      ),
    },
    registrationDetails(data, ctx, [{ label: t(locale, 'Code du billet', 'Ticket code'), value: data.ticketCode }]),
    { kind: 'action', label: t(locale, 'Afficher mon billet', 'Show my ticket'), href: data.ticketLink },
    {
      kind: 'paragraph',
      text: t(locale, "Le fichier joint (.ics) ajoute l'événement à votre agenda.", 'The attached file (.ics) adds the event to your calendar.'),
    },
    manageLink(data, ctx),
  ],
  attachments: [registrationCalendar(data, ctx)],
}));
