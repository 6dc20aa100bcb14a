import { Locale, pick } from '@palabre/platform';
import { formatSpan } from './format';
import { t } from './mail-content';
import { hello, manageLink, registrationDetails, registrationMail } from './registration-common';
import type { RegistrationWorkshop } from './template-data';

function quoted(title: string, locale: Locale): string {
  return locale === 'en' ? `“${title}”` : `« ${title} »`;
}

/** « Atelier CV », jeudi 12 juin 2025, 10:00 – 11:30 (heure de Bamako), salle Niger : place réservée. */
function describe(w: RegistrationWorkshop, timeZone: string, locale: Locale): string {
  const where = w.room ? t(locale, `, salle ${w.room}`, `, room ${w.room}`) : '';
  const what = `${quoted(pick(w.title, locale), locale)}, ${formatSpan(w.startsAt, w.endsAt, timeZone, locale)}${where}`;
  return w.status === 'signed_up'
    ? t(locale, `${what} : place réservée.`, `${what}: seat booked.`)
    : t(locale, `${what} : liste d'attente, position ${w.waitlistPosition ?? '?'}.`, `${what}: waiting list, position ${w.waitlistPosition ?? '?'}.`);
}

/**
 * The participant's workshops, each with its seat or its place on the waiting list: sent when
 * their choice changes, and when a workshop's seat frees up for them.
 */
export const registrationWorkshops = registrationMail<'registration.workshops'>(['manageLink'], ({ data, ctx, locale, event }) => {
  const freed = data.reason === 'seat-freed' && data.freedWorkshop ? quoted(pick(data.freedWorkshop, locale), locale) : null;
  const waiting = data.workshops.filter((w) => w.status === 'waitlisted').length;
  const intro = freed
    ? t(
        locale,
        `Une place s'est libérée à l'atelier ${freed} et elle vous revient : vous quittez sa liste d'attente.`,
        `A seat freed up in the workshop ${freed} and it is yours: you are off its waiting list.`,
      )
    : data.workshops.length === 0
      ? t(
          locale,
          `Vous n'êtes plus inscrit·e à aucun atelier de ${event}. Votre inscription à l'événement reste valable.`,
          `You are no longer signed up for any workshop at ${event}. Your registration for the event still stands.`,
        )
      : t(locale, `Vos choix d'ateliers à ${event} sont enregistrés. Les voici :`, `Your workshop choices at ${event} are saved. Here they are:`);
  return {
    subject: freed
      ? t(locale, `Une place pour vous à l'atelier ${freed} : ${event}`, `A seat for you in the workshop ${freed}: ${event}`)
      : t(locale, `Vos ateliers : ${event}`, `Your workshops: ${event}`),
    preheader: freed
      ? t(locale, "Vous quittez la liste d'attente de l'atelier.", "You are off the workshop's waiting list.")
      : t(
          locale,
          `${data.workshops.length} atelier(s), dont ${waiting} en liste d'attente.`,
          `${data.workshops.length} workshop(s), ${waiting} of them on a waiting list.`,
        ),
    heading: freed ? t(locale, 'Bonne nouvelle : une place pour vous', 'Good news: a seat for you') : t(locale, 'Vos ateliers', 'Your workshops'),
    blocks: [
      hello(data.firstName, ctx),
      { kind: 'paragraph', text: intro },
      ...(data.workshops.length > 0 ? [{ kind: 'list' as const, items: data.workshops.map((w) => describe(w, data.timeZone, locale)) }] : []),
      ...(waiting > 0
        ? [
            {
              kind: 'paragraph' as const,
              text: t(
                locale,
                "Quand une place se libère dans un atelier, elle revient à la première personne de sa liste d'attente, et nous vous écrivons aussitôt.",
                'When a seat frees up in a workshop, it goes to the first person on its waiting list, and we write to you at once.',
              ),
            },
          ]
        : []),
      registrationDetails(data, ctx),
      manageLink(data, ctx, t(locale, 'Changer mes ateliers', 'Change my workshops')),
    ],
  };
});
