import { defineErrors, errorClass } from '@palabre/platform';

export const IDENTITY_ERRORS = defineErrors({
  INVALID_CREDENTIALS: {
    status: 401,
    title: { fr: 'Identifiants incorrects', en: 'Incorrect credentials' },
    detail: { fr: "L'adresse e-mail ou le mot de passe est incorrect.", en: 'The email address or the password is incorrect.' },
  },
  WEAK_PASSWORD: {
    status: 400,
    title: { fr: 'Mot de passe trop faible', en: 'Password too weak' },
  },
  WRONG_PASSWORD: {
    status: 400,
    title: { fr: 'Mot de passe actuel incorrect', en: 'Current password is incorrect' },
  },
  RECENT_SIGN_IN_REQUIRED: {
    status: 403,
    title: { fr: 'Reconnexion nécessaire', en: 'Sign in again' },
    detail: {
      fr: 'Pour définir un mot de passe, reconnectez-vous par un lien reçu par e-mail, puis recommencez dans l’heure.',
      en: 'To set a password, sign in again with an emailed link, then try again within the hour.',
    },
  },
  ORGANIZATION_NOT_FOUND: {
    status: 404,
    title: { fr: 'Organisation introuvable', en: 'Organization not found' },
  },
  TOKEN_NOT_FOUND: {
    status: 404,
    title: { fr: 'Jeton introuvable', en: 'Token not found' },
  },
  LINK_INVALID: {
    status: 410,
    title: { fr: 'Lien expiré ou déjà utilisé', en: 'Link expired or already used' },
    detail: { fr: 'Demandez un nouveau lien de connexion.', en: 'Ask for a new sign-in link.' },
  },
  INVITATION_INVALID: {
    status: 410,
    title: { fr: 'Invitation expirée ou déjà utilisée', en: 'Invitation expired or already used' },
    detail: { fr: "Demandez à l'organisation de vous inviter à nouveau.", en: 'Ask the organization to invite you again.' },
  },
  INVITATION_NOT_FOUND: {
    status: 404,
    title: { fr: 'Invitation introuvable', en: 'Invitation not found' },
  },
  MEMBER_NOT_FOUND: {
    status: 404,
    title: { fr: 'Membre introuvable', en: 'Member not found' },
  },
  ALREADY_MEMBER: {
    status: 409,
    title: { fr: 'Déjà membre', en: 'Already a member' },
    detail: { fr: 'Cette personne est déjà membre de l’organisation.', en: 'This person is already a member of the organization.' },
  },
  LAST_OWNER: {
    status: 409,
    title: { fr: 'Dernier propriétaire', en: 'Last owner' },
    detail: {
      fr: "L'organisation doit garder au moins un propriétaire : nommez-en un autre d'abord.",
      en: 'The organization must keep at least one owner: appoint another one first.',
    },
  },
});
export type IdentityErrorCode = keyof typeof IDENTITY_ERRORS;
export const IdentityError = errorClass<IdentityErrorCode>('IdentityError', IDENTITY_ERRORS);
