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
  ORGANIZATION_NOT_FOUND: {
    status: 404,
    title: { fr: 'Organisation introuvable', en: 'Organization not found' },
  },
  TOKEN_NOT_FOUND: {
    status: 404,
    title: { fr: 'Jeton introuvable', en: 'Token not found' },
  },
});
export type IdentityErrorCode = keyof typeof IDENTITY_ERRORS;
export const IdentityError = errorClass<IdentityErrorCode>('IdentityError', IDENTITY_ERRORS);
