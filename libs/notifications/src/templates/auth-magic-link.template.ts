import { MailTemplate, t } from './mail-content';

export const authMagicLink: MailTemplate<'auth.magic-link'> = {
  secrets: ['link'],
  compose(data, { locale }) {
    const minutes = data.expiresInMinutes;
    return {
      subject: t(locale, 'Votre lien de connexion à Palabre', 'Your sign-in link for Palabre'),
      preheader: t(locale, `Valable ${minutes} minutes, pour une seule connexion.`, `Valid for ${minutes} minutes, for one sign-in.`),
      brand: 'Palabre',
      heading: t(locale, 'Connexion à Palabre', 'Sign in to Palabre'),
      blocks: [
        { kind: 'paragraph', text: data.name ? t(locale, `Bonjour ${data.name},`, `Hello ${data.name},`) : t(locale, 'Bonjour,', 'Hello,') },
        {
          kind: 'paragraph',
          text: t(
            locale,
            `Voici votre lien de connexion. Il est valable ${minutes} minutes et ne sert qu'une fois.`,
            `Here is your sign-in link. It is valid for ${minutes} minutes and works once.`,
          ),
        },
        { kind: 'action', label: t(locale, 'Me connecter', 'Sign in'), href: data.link },
        {
          kind: 'paragraph',
          text: t(
            locale,
            "Si vous n'avez pas demandé ce lien, ignorez ce message : personne ne peut se connecter sans lui.",
            'If you did not ask for this link, ignore this message: nobody can sign in without it.',
          ),
        },
      ],
      footer: t(
        locale,
        'Ce lien personnel vous a été envoyé à votre demande. Ne le transférez pas.',
        'This personal link was sent at your request. Do not forward it.',
      ),
    };
  },
};
