import { t } from './mail-content';
import { hello, manageLink, registrationDetails, registrationMail } from './registration-common';

export const registrationWaitlisted = registrationMail<'registration.waitlisted'>(['manageLink'], ({ data, ctx, locale, event }) => {
  const position = data.waitlistPosition;
  return {
    subject: t(locale, `Liste d'attente : ${event} (position ${position})`, `Waiting list: ${event} (position ${position})`),
    preheader: t(locale, "Pas encore de place : nous vous écrivons dès qu'une place se libère.", 'No seat yet: we will write as soon as one frees up.'),
    heading: t(locale, "Vous êtes sur la liste d'attente", 'You are on the waiting list'),
    blocks: [
      hello(data.firstName, ctx),
      {
        kind: 'paragraph',
        text: t(
          locale,
          `${event} est complet pour le moment. Votre inscription n'est pas confirmée : vous êtes en position ${position} sur la liste d'attente.`,
          `${event} is full for now. Your registration is not confirmed: you are number ${position} on the waiting list.`,
        ),
      },
      {
        kind: 'paragraph',
        text: t(
          locale,
          "Quand une place se libère, elle revient à la première personne de la liste, et nous vous écrivons aussitôt. Vous n'avez rien à faire d'ici là.",
          'When a seat frees up, it goes to the first person on the list, and we write to you at once. You have nothing to do until then.',
        ),
      },
      registrationDetails(data, ctx, [{ label: t(locale, "Position sur la liste d'attente", 'Position on the waiting list'), value: String(position) }]),
      manageLink(data, ctx, t(locale, "Gérer ou quitter la liste d'attente", 'Manage or leave the waiting list')),
    ],
  };
});
