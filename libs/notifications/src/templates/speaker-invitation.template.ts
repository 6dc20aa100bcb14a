import { pick } from '@palabre/platform';
import { MailTemplate, t } from './mail-content';

export const speakerInvitation: MailTemplate<'speaker.invitation'> = {
  secrets: ['link'],
  compose(data, { locale }) {
    const event = pick(data.eventTitle, locale);
    const org = data.organizationName;
    return {
      subject: t(locale, `Invitation à intervenir : ${event}`, `Invitation to speak at ${event}`),
      preheader: t(locale, `${org} vous invite à compléter votre profil d'intervenant.`, `${org} invites you to complete your speaker profile.`),
      brand: event,
      heading: t(locale, `Intervenir à ${event}`, `Speaking at ${event}`),
      blocks: [
        {
          kind: 'paragraph',
          text: data.speakerName ? t(locale, `Bonjour ${data.speakerName},`, `Hello ${data.speakerName},`) : t(locale, 'Bonjour,', 'Hello,'),
        },
        {
          kind: 'paragraph',
          text: t(
            locale,
            `${org} vous invite à intervenir à ${event}. Depuis votre espace intervenant, vous complétez votre profil (biographie, photo, organisation) et vous voyez vos sessions.`,
            `${org} invites you to speak at ${event}. In your speaker space you complete your profile (biography, photo, organization) and see your sessions.`,
          ),
        },
        { kind: 'action', label: t(locale, 'Ouvrir mon espace intervenant', 'Open my speaker space'), href: data.link },
        {
          kind: 'paragraph',
          text: t(locale, `Ce lien personnel est valable ${data.expiresInHours} heures.`, `This personal link is valid for ${data.expiresInHours} hours.`),
        },
      ],
      footer: t(locale, `Message envoyé par ${org} avec Palabre.`, `Sent by ${org} with Palabre.`),
    };
  },
};
