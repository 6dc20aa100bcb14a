import { pick } from '@palabre/platform';
import { formatSpan } from './format';
import { MailTemplate, t } from './mail-content';

const ROLES = {
  moderator: { fr: 'modération', en: 'moderator' },
  panelist: { fr: 'panéliste', en: 'panelist' },
  speaker: { fr: 'intervention', en: 'speaker' },
  host: { fr: 'animation', en: 'host' },
} as const;

/**
 * A speaker who has not answered: « please confirm ». Its subject starts with « Rappel » so
 * that it is never mistaken for the invitation itself.
 */
export const speakerReminder: MailTemplate<'speaker.reminder'> = {
  secrets: ['link'],
  compose(data, { locale }) {
    const event = pick(data.eventTitle, locale);
    const quote = (s: string) => (locale === 'en' ? `“${s}”` : `« ${s} »`);
    return {
      subject: t(locale, `Rappel : merci de confirmer votre participation à ${event}`, `Reminder: please confirm your participation in ${event}`),
      preheader: t(
        locale,
        'Acceptez ou déclinez en un clic : les organisateurs attendent votre réponse.',
        'Accept or decline in one click: the organizers are waiting for your answer.',
      ),
      brand: event,
      heading: t(locale, 'Votre réponse est attendue', 'Your answer is awaited'),
      blocks: [
        {
          kind: 'paragraph',
          text: data.speakerName ? t(locale, `Bonjour ${data.speakerName},`, `Hello ${data.speakerName},`) : t(locale, 'Bonjour,', 'Hello,'),
        },
        {
          kind: 'paragraph',
          text: t(locale, `Les organisateurs de ${event} n’ont pas encore votre réponse pour :`, `The organizers of ${event} do not have your answer yet for:`),
        },
        {
          kind: 'list',
          items: data.sessions.map(
            (s) => `${quote(pick(s.title, locale))}, ${formatSpan(s.startsAt, s.endsAt, data.timeZone, locale)} (${pick(ROLES[s.role], locale)})`,
          ),
        },
        { kind: 'action', label: t(locale, 'Répondre depuis mon espace intervenant', 'Answer from my speaker space'), href: data.link },
        {
          kind: 'paragraph',
          text: t(
            locale,
            `Ce lien personnel est valable ${data.expiresInHours} heures. Ensuite, demandez un lien de connexion avec votre adresse e-mail.`,
            `This personal link is valid for ${data.expiresInHours} hours. After that, ask for a sign-in link with your email address.`,
          ),
        },
      ],
      footer: t(
        locale,
        `Rappel automatique (au plus ${data.maxReminders}). Il s’arrête dès que vous avez répondu.`,
        `Automatic reminder (at most ${data.maxReminders}). It stops as soon as you answer.`,
      ),
    };
  },
};
