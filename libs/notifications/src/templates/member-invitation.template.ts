import { MailTemplate, t } from './mail-content';
import type { Locale } from '@palabre/platform';
import catalog from '../notifications.labels.json';

/** The member roles' names, from the lib's label catalog. */
const ROLE_LABELS: Record<string, { fr: string; en: string }> = catalog.memberRoles;

function roleLabel(role: string, locale: Locale): string {
  const label = ROLE_LABELS[role];
  return label ? label[locale] : role;
}

export const memberInvitation: MailTemplate<'member.invitation'> = {
  secrets: ['link'],
  compose(data, { locale }) {
    const org = data.organizationName;
    return {
      subject: t(locale, `${data.inviterName} vous invite à rejoindre ${org} sur Palabre`, `${data.inviterName} invites you to join ${org} on Palabre`),
      preheader: t(locale, `Invitation valable ${data.expiresInHours} heures.`, `The invitation is valid for ${data.expiresInHours} hours.`),
      brand: org,
      heading: t(locale, `Invitation à rejoindre ${org}`, `Invitation to join ${org}`),
      blocks: [
        { kind: 'paragraph', text: t(locale, 'Bonjour,', 'Hello,') },
        {
          kind: 'paragraph',
          text: t(
            locale,
            `${data.inviterName} vous invite à rejoindre l'équipe de ${org} sur Palabre, avec le rôle « ${roleLabel(data.role, locale)} ».`,
            `${data.inviterName} invites you to join the ${org} team on Palabre, with the role “${roleLabel(data.role, locale)}”.`,
          ),
        },
        { kind: 'action', label: t(locale, "Accepter l'invitation", 'Accept the invitation'), href: data.link },
        {
          kind: 'paragraph',
          text: t(locale, `Cette invitation est valable ${data.expiresInHours} heures.`, `This invitation is valid for ${data.expiresInHours} hours.`),
        },
      ],
      footer: t(locale, `Si vous ne connaissez pas ${org}, ignorez ce message.`, `If you do not know ${org}, ignore this message.`),
    };
  },
};
