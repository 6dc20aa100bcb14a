import { t } from './mail-content';
import { hello, manageLink, registrationCalendar, registrationDetails, registrationMail } from './registration-common';

export const registrationPromoted = registrationMail<'registration.promoted'>(['manageLink', 'ticketLink'], ({ data, ctx, locale, event }) => ({
  subject: t(locale, `Une place s'est libérée : votre inscription à ${event} est confirmée`, `A seat freed up: your registration for ${event} is confirmed`),
  preheader: t(locale, "Vous quittez la liste d'attente : voici votre billet.", 'You are off the waiting list: here is your ticket.'),
  heading: t(locale, 'Bonne nouvelle : une place pour vous', 'Good news: a seat for you'),
  blocks: [
    hello(data.firstName, ctx),
    {
      kind: 'paragraph',
      text: t(
        locale,
        `Une place s'est libérée à ${event} et elle vous revient : vous quittez la liste d'attente et votre inscription est confirmée. Présentez votre billet (code QR) à l'entrée.`,
        `A seat freed up at ${event} and it is yours: you are off the waiting list and your registration is confirmed. Show your ticket (QR code) at the door.`,
      ),
    },
    registrationDetails(data, ctx, [{ label: t(locale, 'Code du billet', 'Ticket code'), value: data.ticketCode }]),
    { kind: 'action', label: t(locale, 'Afficher mon billet', 'Show my ticket'), href: data.ticketLink },
    {
      kind: 'paragraph',
      text: t(locale, "Le fichier joint (.ics) ajoute l'événement à votre agenda.", 'The attached file (.ics) adds the event to your calendar.'),
    },
    manageLink(data, ctx, t(locale, 'Vous ne pouvez plus venir ? Annulez pour libérer la place', 'Cannot come any more? Cancel to free the seat')),
  ],
  attachments: [registrationCalendar(data, ctx)],
}));
