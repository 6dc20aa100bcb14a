import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it.each([
    ['short', 'court1', 'Au moins 10 caractères.'],
    ['common', 'motdepasse1', 'Ce mot de passe est trop courant.'],
    ['common, any case', 'AZERTYUIOP', 'Ce mot de passe est trop courant.'],
    ['one repeated character', 'zzzzzzzzzzzz', 'Ce mot de passe est trop courant.'],
    ['the email inside', 'awa.traore-2026!', "Le mot de passe ne doit pas contenir l'adresse e-mail."],
  ])('refuses a %s password', (_, password, message) => {
    expect(passwordProblem(password, 'awa.traore@example.ml')?.fr).toBe(message);
  });

  it('accepts a long uncommon one', () => {
    expect(passwordProblem('mangue-karité-2026', 'awa.traore@example.ml')).toBeNull();
  });
});
