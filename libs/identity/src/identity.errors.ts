import { defineErrors, errorClass, problem } from '@palabre/platform';

export const IDENTITY_ERRORS = defineErrors({
  INVALID_CREDENTIALS: problem(401, 'Identifiants incorrects', 'Incorrect credentials', {
    fr: "L'adresse e-mail ou le mot de passe est incorrect.",
    en: 'The email address or the password is incorrect.',
  }),
  WEAK_PASSWORD: problem(400, 'Mot de passe trop faible', 'Password too weak'),
  WRONG_PASSWORD: problem(400, 'Mot de passe actuel incorrect', 'Current password is incorrect'),
  RECENT_SIGN_IN_REQUIRED: problem(403, 'Reconnexion nécessaire', 'Sign in again', {
    fr: 'Pour définir un mot de passe, reconnectez-vous par un lien reçu par e-mail, puis recommencez dans l’heure.',
    en: 'To set a password, sign in again with an emailed link, then try again within the hour.',
  }),
  ORGANIZATION_NOT_FOUND: problem(404, 'Organisation introuvable', 'Organization not found'),
  TOKEN_NOT_FOUND: problem(404, 'Jeton introuvable', 'Token not found'),
  LINK_INVALID: problem(410, 'Lien expiré ou déjà utilisé', 'Link expired or already used', {
    fr: 'Demandez un nouveau lien de connexion.',
    en: 'Ask for a new sign-in link.',
  }),
  INVITATION_INVALID: problem(410, 'Invitation expirée ou déjà utilisée', 'Invitation expired or already used', {
    fr: "Demandez à l'organisation de vous inviter à nouveau.",
    en: 'Ask the organization to invite you again.',
  }),
  INVITATION_NOT_FOUND: problem(404, 'Invitation introuvable', 'Invitation not found'),
  MEMBER_NOT_FOUND: problem(404, 'Membre introuvable', 'Member not found'),
  ALREADY_MEMBER: problem(409, 'Déjà membre', 'Already a member', {
    fr: 'Cette personne est déjà membre de l’organisation.',
    en: 'This person is already a member of the organization.',
  }),
  LAST_OWNER: problem(409, 'Dernier propriétaire', 'Last owner', {
    fr: "L'organisation doit garder au moins un propriétaire : nommez-en un autre d'abord.",
    en: 'The organization must keep at least one owner: appoint another one first.',
  }),
});
export type IdentityErrorCode = keyof typeof IDENTITY_ERRORS;
export const IdentityError = errorClass<IdentityErrorCode>('IdentityError', IDENTITY_ERRORS);
