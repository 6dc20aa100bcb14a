import { passwordProblem } from './password-policy';

describe('password policy', () => {
  const TOO_COMMON = 'Ce mot de passe est trop courant.';
  it.each([
    ['short', 'court1', 'Au moins 10 caractères.'],
    ['common', 'motdepasse1', TOO_COMMON],
    ['common, any case', 'AZERTYUIOP', TOO_COMMON],
    ['one repeated character', 'zzzzzzzzzzzz', TOO_COMMON],
    ['the email inside', 'awa.traore-2026!', "Le mot de passe ne doit pas contenir l'adresse e-mail."],
  ])('refuses a %s password', (_, password, message) => {
    expect(passwordProblem(password, 'awa.traore@example.ml')?.fr).toBe(message);
  });

  it('accepts a long uncommon one', () => {
    expect(passwordProblem('mangue-karité-2026', 'awa.traore@example.ml')).toBeNull();
  });
});
