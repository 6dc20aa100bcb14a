import type { Localized } from '@palabre/platform';

/** A short list of the passwords people pick first; longer lists add little against online guessing behind rate limits. */
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'motdepasse',
  'motdepasse1',
  'azerty',
  'azertyuiop',
  'qwerty',
  'qwertyuiop',
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '0123456789',
  'iloveyou',
  'admin',
  'administrator',
  'welcome',
  'welcome1',
  'bienvenue',
  'bienvenue1',
  'letmein',
  'soleil',
  'football',
  'bamako',
  'bamako2025',
  'mali2025',
  'palabre',
  'palabre123',
  'changeme',
  'abcdefgh',
  'abcdefghij',
  'aaaaaaaaaa',
  '1111111111',
  'passw0rd',
  'p@ssw0rd',
]);

export const MIN_PASSWORD_LENGTH = 10;

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): Localized | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { fr: `Au moins ${MIN_PASSWORD_LENGTH} caractères.`, en: `At least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  if (password.length > 200) return { fr: 'Au plus 200 caractères.', en: 'At most 200 characters.' };
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890|abcdefghij)/.test(lower)) {
    return { fr: 'Ce mot de passe est trop courant.', en: 'This password is too common.' };
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) {
    return { fr: "Le mot de passe ne doit pas contenir l'adresse e-mail.", en: 'The password must not contain the email address.' };
  }
  return null;
}
