import type { Locale } from '@palabre/platform';
import type { RegistrationQuestion } from '@palabre/events';

/** A page form as the body parser gives it: strings, and arrays for names sent more than once (checkboxes). */
export type FormBody = Record<string, unknown>;

/** The honeypot: a field people never see nor reach; only robots fill it. */
export const HONEYPOT = 'site_web';

/** The participant's own fields, named as in the JSON body (so errors come back by the same names). */
export const PARTICIPANT_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'organization', 'organizationType', 'gender', 'ageGroup', 'region'] as const;
export type ParticipantField = (typeof PARTICIPANT_FIELDS)[number];

/** The input name of a question's answer. */
export const answerName = (questionId: string) => `q_${questionId}`;

/** What the person typed, to show the form again as it was. */
export interface RegistrationFormValues {
  fields: Record<ParticipantField, string>;
  /** By question id; one value for text, choice, yes/no and number, several for a multiple choice. */
  answers: Record<string, string[]>;
  sessionIds: string[];
  consent: boolean;
}

const one = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const many = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function formValues(body: FormBody, questions: RegistrationQuestion[]): RegistrationFormValues {
  const fields = Object.fromEntries(PARTICIPANT_FIELDS.map((f) => [f, one(body[f])])) as Record<ParticipantField, string>;
  const answers = Object.fromEntries(questions.map((q) => [q.id, q.kind === 'multi' ? many(body[answerName(q.id)]) : [one(body[answerName(q.id)])]]));
  return { fields, answers, sessionIds: many(body.sessionIds), consent: one(body.consent) === 'yes' };
}

/** The values a registration starts the correction form with. */
export function storedValues(
  participant: Record<ParticipantField, string | null>,
  answers: Record<string, unknown>,
  questions: RegistrationQuestion[],
): RegistrationFormValues {
  const fields = Object.fromEntries(PARTICIPANT_FIELDS.map((f) => [f, participant[f] ?? ''])) as Record<ParticipantField, string>;
  const shown = (v: unknown): string[] => {
    if (Array.isArray(v)) return v.map(String);
    if (typeof v === 'boolean') return [v ? 'yes' : 'no'];
    return v === undefined || v === null ? [] : [String(v)];
  };
  return { fields, answers: Object.fromEntries(questions.map((q) => [q.id, shown(answers[q.id])])), sessionIds: [], consent: true };
}

/** A robot filled the honeypot. */
export function filledByRobot(body: FormBody): boolean {
  return one(body[HONEYPOT]).trim() !== '';
}

/**
 * Each answer as the question's kind wants it: yes/no → true/false, a number → a number; what
 * cannot be read stays text, so the answers' check names the question. A blank is no answer.
 */
export function answersBody(values: RegistrationFormValues, questions: RegistrationQuestion[]): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of questions) {
    const given = (values.answers[q.id] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (given.length === 0) continue;
    switch (q.kind) {
      case 'multi':
        answers[q.id] = given;
        break;
      case 'boolean':
        answers[q.id] = given[0] === 'yes' ? true : given[0] === 'no' ? false : given[0];
        break;
      case 'number': {
        const n = Number(given[0].replace(',', '.').replace(/\s/g, ''));
        answers[q.id] = Number.isFinite(n) ? n : given[0];
        break;
      }
      case 'text':
      case 'choice':
        answers[q.id] = given[0];
        break;
    }
  }
  return answers;
}

const blankToUndefined = (v: string) => (v.trim() === '' ? undefined : v);

/** The JSON body of `POST /api/v1/events/{slug}/registrations` the form amounts to. */
export function registerBody(values: RegistrationFormValues, questions: RegistrationQuestion[], locale: Locale): Record<string, unknown> {
  const f = values.fields;
  return {
    firstName: f.firstName,
    lastName: f.lastName,
    email: blankToUndefined(f.email),
    phone: blankToUndefined(f.phone),
    organization: blankToUndefined(f.organization),
    organizationType: blankToUndefined(f.organizationType),
    gender: blankToUndefined(f.gender),
    ageGroup: blankToUndefined(f.ageGroup),
    region: blankToUndefined(f.region),
    locale,
    consent: values.consent,
    answers: answersBody(values, questions),
    sessionIds: values.sessionIds,
  };
}

/**
 * The body of `PATCH /api/v1/registrations/{token}` the correction form amounts to. A category
 * or phone left blank stays as it was; the organization and region may be emptied.
 */
export function updateBody(values: RegistrationFormValues, questions: RegistrationQuestion[]): Record<string, unknown> {
  const f = values.fields;
  return {
    firstName: f.firstName,
    lastName: f.lastName,
    phone: blankToUndefined(f.phone),
    organization: f.organization,
    organizationType: blankToUndefined(f.organizationType),
    gender: blankToUndefined(f.gender),
    ageGroup: blankToUndefined(f.ageGroup),
    region: f.region,
    answers: answersBody(values, questions),
  };
}

/** Where a problem's field shows on the form: the input's id. */
export function fieldId(field: string): string {
  if (field.startsWith('answers.')) return `q-${field.slice('answers.'.length)}`;
  if (field === 'sessionIds' || field.startsWith('sessionIds.')) return 'ateliers';
  return field;
}
