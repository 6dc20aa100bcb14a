import type { RegistrationQuestion } from '@palabre/events';
import { answersBody, filledByRobot, fieldId, formValues, registerBody, updateBody } from './registration-form';

const QUESTIONS: RegistrationQuestion[] = [
  { id: 'diplome', label: { fr: 'Diplôme' }, kind: 'choice', required: true, choices: [{ value: 'bac', label: { fr: 'Bac' } }] },
  { id: 'langues', label: { fr: 'Langues' }, kind: 'multi', required: false, choices: [{ value: 'fr', label: { fr: 'Français' } }] },
  { id: 'premier', label: { fr: 'Premier ?' }, kind: 'boolean', required: false },
  { id: 'age', label: { fr: 'Âge' }, kind: 'number', required: false },
  { id: 'attentes', label: { fr: 'Attentes' }, kind: 'text', required: false },
];

const answersOf = (body: Record<string, unknown>) => answersBody(formValues(body, QUESTIONS), QUESTIONS);

describe('the registration form read as the API’s body', () => {
  it.each([
    ['a choice', { q_diplome: 'bac' }, { diplome: 'bac' }],
    ['one ticked box of a multiple choice', { q_langues: 'fr' }, { langues: ['fr'] }],
    ['several ticked boxes', { q_langues: ['fr', 'bm'] }, { langues: ['fr', 'bm'] }],
    ['yes', { q_premier: 'yes' }, { premier: true }],
    ['no', { q_premier: 'no' }, { premier: false }],
    ['a number with a decimal comma and spaces', { q_age: ' 1 000,5 ' }, { age: 1000.5 }],
    ['a number that is none: left as text for the answers’ check to name', { q_age: 'vingt' }, { age: 'vingt' }],
    ['a text, trimmed', { q_attentes: '  un stage ' }, { attentes: 'un stage' }],
    ['blanks: no answer at all', { q_diplome: '', q_langues: [], q_premier: '', q_age: ' ', q_attentes: '' }, {}],
    ['a value repeated where one is expected: the first', { q_diplome: ['bac', 'licence'] }, { diplome: 'bac' }],
    ['fields of no question: ignored', { q_inconnue: 'x', __proto__: 'y' }, {}],
  ])('%s', (_what, body, expected) => {
    expect(answersOf(body)).toEqual(expected);
  });

  it('leaves out blank optional fields, sends consent only when ticked, the page’s language and the workshops ticked', () => {
    const values = formValues(
      { firstName: 'Awa', lastName: 'Traoré', email: 'awa@example.ml', phone: '', gender: '', consent: 'yes', sessionIds: 'w1' },
      QUESTIONS,
    );
    expect(registerBody(values, QUESTIONS, 'en')).toEqual({
      firstName: 'Awa',
      lastName: 'Traoré',
      email: 'awa@example.ml',
      phone: undefined,
      organization: undefined,
      organizationType: undefined,
      gender: undefined,
      ageGroup: undefined,
      region: undefined,
      locale: 'en',
      consent: true,
      answers: {},
      sessionIds: ['w1'],
    });
    expect(registerBody(formValues({ consent: 'on' }, QUESTIONS), QUESTIONS, 'fr').consent).toBe(false);
  });

  it('on the correction form, a blank category or phone stays as it was, a blank organization or region empties it', () => {
    const body = updateBody(
      formValues({ firstName: 'Awa', lastName: 'T', phone: '', organizationType: '', organization: '', region: '' }, QUESTIONS),
      QUESTIONS,
    );
    expect(body).toMatchObject({ phone: undefined, organizationType: undefined, organization: '', region: '' });
    expect(body).not.toHaveProperty('email');
  });

  it('tells a robot by its honeypot', () => {
    expect(filledByRobot({ site_web: 'http://spam' })).toBe(true);
    expect(filledByRobot({ site_web: '  ' })).toBe(false);
    expect(filledByRobot({})).toBe(false);
  });

  it('shows an error where its field is', () => {
    expect([fieldId('answers.diplome'), fieldId('sessionIds.1'), fieldId('sessionIds'), fieldId('phone')]).toEqual([
      'q-diplome',
      'ateliers',
      'ateliers',
      'phone',
    ]);
  });
});
