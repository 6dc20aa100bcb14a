import { pick } from '@palabre/platform';
import { formatSpan, oneLine } from './format';
import { MailTemplate, t } from './mail-content';
import { eventName, hello, manageLink, registrationDetails, registrationFooter } from './registration-common';

/** A workshop seat freed (a no-show's, or one given back) went to the person first on its waiting list. */
export const registrationWorkshopPromoted: MailTemplate<'registration.workshop-promoted'> = {
  // The link opens the participant's registration: kept apart, and dropped once sent.
  secrets: ['manageLink'],
  compose(data, ctx) {
    const { locale } = ctx;
    const event = eventName(data, ctx);
    const workshop = oneLine(pick(data.sessionTitle, locale));
    const when = formatSpan(data.sessionStartsAt, data.sessionEndsAt, data.timeZone, locale);
    return {
      subject: t(locale, `Une place pour vous à l'atelier « ${workshop} »`, `A seat for you in the workshop “${workshop}”`),
      preheader: t(locale, `Vous quittez la liste d'attente de l'atelier : venez maintenant.`, 'You are off the workshop’s waiting list: come now.'),
      brand: event,
      heading: t(locale, "Une place s'est libérée à l'atelier", 'A workshop seat freed up'),
      blocks: [
        hello(data.firstName, ctx),
        {
          kind: 'paragraph',
          text: t(
            locale,
            `Une place s'est libérée à l'atelier « ${workshop} » (${when}${data.room ? `, ${data.room}` : ''}) et elle vous revient. Présentez votre billet à la porte de l'atelier dès que possible : il a déjà commencé.`,
            `A seat freed up in the workshop “${workshop}” (${when}${data.room ? `, ${data.room}` : ''}) and it is yours. Show your ticket at the workshop's door as soon as you can: it has already started.`,
          ),
        },
        registrationDetails(data, ctx),
        manageLink(data, ctx, t(locale, 'Vous ne pouvez pas venir ? Libérez la place', 'Cannot come? Free the seat')),
      ],
      footer: registrationFooter(data, ctx),
    };
  },
};
