import { aQuestion } from '@palabre/testing';
import { checkAnswers, spansOverlap, toE164 } from './participant-input';

const QUESTIONS = [
  aQuestion('statut', 'choice', 'Statut', {
    required: true,
    choices: [
      ['etudiant', 'Étudiant'],
      ['chomeur', 'En recherche'],
    ],
  }),
  aQuestion('secteurs', 'multi', 'Secteurs', {
    choices: [
      ['agri', 'Agriculture'],
      ['tic', 'TIC'],
    ],
  }),
  aQuestion('handicap', 'boolean', 'Besoin d’accessibilité'),
  aQuestion('annees', 'number', 'Années d’expérience'),
  aQuestion('attentes', 'text', 'Attentes'),
];

describe('answers to an event’s questions', () => {
  it('keeps well-formed answers of every kind, trimmed', () => {
    const given = { statut: 'etudiant', secteurs: ['agri', 'tic'], handicap: false, annees: 2, attentes: '  Un stage  ' };
    expect(checkAnswers(QUESTIONS, given)).toEqual({ answers: { ...given, attentes: 'Un stage' }, errors: [] });
  });

  it('leaves out blank optional answers and requires the required ones', () => {
    expect(checkAnswers(QUESTIONS, { statut: 'chomeur', secteurs: [], attentes: ' ' })).toEqual({ answers: { statut: 'chomeur' }, errors: [] });
    expect(checkAnswers(QUESTIONS, {}).errors).toEqual([{ field: 'answers.statut', message: { fr: 'Réponse obligatoire.', en: 'An answer is required.' } }]);
    expect(checkAnswers(QUESTIONS, undefined).errors.map((e) => e.field)).toEqual(['answers.statut']);
    // The desk adding a walk-in: required questions may stay unanswered, wrong answers are still refused.
    expect(checkAnswers(QUESTIONS, {}, { requireAnswers: false })).toEqual({ answers: {}, errors: [] });
    expect(checkAnswers(QUESTIONS, { statut: 'ministre' }, { requireAnswers: false }).errors.map((e) => e.field)).toEqual(['answers.statut']);
  });

  it.each([
    ['a choice outside the list', { statut: 'ministre' }, 'answers.statut'],
    ['a list for a single choice', { statut: ['etudiant'] }, 'answers.statut'],
    ['an unknown value among several', { statut: 'etudiant', secteurs: ['agri', 'mines'] }, 'answers.secteurs'],
    ['the same value twice', { statut: 'etudiant', secteurs: ['tic', 'tic'] }, 'answers.secteurs'],
    ['text for yes/no', { statut: 'etudiant', handicap: 'oui' }, 'answers.handicap'],
    ['text for a number', { statut: 'etudiant', annees: '3' }, 'answers.annees'],
    ['infinity for a number', { statut: 'etudiant', annees: Number.POSITIVE_INFINITY }, 'answers.annees'],
    ['a number for text', { statut: 'etudiant', attentes: 12 }, 'answers.attentes'],
    ['too long a text', { statut: 'etudiant', attentes: 'x'.repeat(2001) }, 'answers.attentes'],
    ['a question the event does not ask', { statut: 'etudiant', __proto__x: 1 }, 'answers.__proto__x'],
  ])('refuses %s, naming the answer', (_, given, field) => {
    expect(checkAnswers(QUESTIONS, given as Record<string, unknown>).errors.map((e) => e.field)).toEqual([field]);
  });

  it('does not take an inherited property for an answer', () => {
    const given = Object.create({ statut: 'etudiant' }) as Record<string, unknown>;
    expect(checkAnswers(QUESTIONS, given).errors.map((e) => e.field)).toEqual(['answers.statut']);
  });
});

describe('phone numbers', () => {
  const MALIAN = '+22376000000';
  const FRENCH = '+33612345678';
  it.each([
    ['76 00 00 00', 'ML', MALIAN],
    ['+223 76-00-00-00', 'ML', MALIAN],
    ['00223 76 00 00 00', 'ML', MALIAN],
    ['06 12 34 56 78', 'FR', FRENCH],
    ['+33 6 12 34 56 78', 'ML', FRENCH],
  ])('reads %s (default country %s) as %s', (typed, country, e164) => {
    expect(toE164(typed, country)).toBe(e164);
  });

  it.each(['12', '7600', '+223 12', 'not a phone'])('refuses %s', (typed) => {
    expect(toE164(typed, 'ML')).toBeNull();
  });
});

describe('workshops at the same time', () => {
  const at = (from: string, to: string) => ({ startsAt: `2030-06-10T${from}:00Z`, endsAt: `2030-06-10T${to}:00Z` });
  it.each([
    [at('10:00', '11:00'), at('10:30', '11:30'), true],
    [at('10:00', '11:00'), at('09:00', '12:00'), true],
    [at('10:00', '11:00'), at('11:00', '12:00'), false],
    [at('10:00', '11:00'), at('08:00', '10:00'), false],
  ])('%o and %o overlap: %s', (a, b, overlap) => {
    expect(spansOverlap(a, b)).toBe(overlap);
    expect(spansOverlap(b, a)).toBe(overlap);
  });
});
