import { pick } from '@palabre/platform';
import { MailTemplate, t } from './mail-content';

/**
 * An organization invited as a partner of an event. A new organization's first member gets an
 * invitation link (it signs them in, as a member invitation does); the owners of an existing
 * one get the address of their partner area.
 */
export const partnerInvitation: MailTemplate<'partner.invitation'> = {
  secrets: ['link'],
  compose(data, { locale }) {
    const event = pick(data.eventTitle, locale);
    const lead = data.leadName;
    const partner = data.partnerName;
    return {
      subject: t(locale, `${partner}, partenaire de ${event}`, `${partner}, partner of ${event}`),
      preheader: t(locale, `${lead} invite ${partner} comme partenaire.`, `${lead} invites ${partner} as a partner.`),
      brand: event,
      heading: t(locale, `Partenaire de ${event}`, `Partner of ${event}`),
      blocks: [
        { kind: 'paragraph', text: t(locale, 'Bonjour,', 'Hello,') },
        {
          kind: 'paragraph',
          text: t(
            locale,
            `${lead} invite ${partner} comme partenaire de ${event}. Dans votre espace partenaire, vous présentez votre organisation, vous déclarez vos chiffres de l'année, vous publiez vos offres (emplois, stages, formations, appels à projets) et vous proposez vos sessions au programme.`,
            `${lead} invites ${partner} as a partner of ${event}. In your partner space you present your organization, report your figures for the year, post your opportunities (jobs, internships, trainings, calls for projects) and propose your sessions for the programme.`,
          ),
        },
        { kind: 'action', label: t(locale, "Ouvrir l'espace partenaire", 'Open the partner space'), href: data.link },
        data.expiresInHours
          ? {
              kind: 'paragraph',
              text: t(locale, `Ce lien personnel est valable ${data.expiresInHours} heures.`, `This personal link is valid for ${data.expiresInHours} hours.`),
            }
          : { kind: 'paragraph', text: t(locale, 'Connectez-vous avec votre compte habituel.', 'Sign in with your usual account.') },
      ],
      footer: t(locale, `Si vous ne connaissez pas ${lead}, ignorez ce message.`, `If you do not know ${lead}, ignore this message.`),
    };
  },
};
