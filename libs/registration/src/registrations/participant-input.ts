import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { FieldError } from '@palabre/platform';
import type { RegistrationQuestion } from '@palabre/events';

const TEXT_MAX = 2_000;

const msg = (fr: string, en: string) => ({ fr, en });

/** A phone number in E.164 (`+22376000000`), a local number read in `country`; null when it is no phone number. */
export function toE164(phone: string, country: string): string | null {
  const parsed = parsePhoneNumberFromString(phone.trim(), country as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * The answers to an event's questions, checked against each question's kind and choices:
 * the clean answers by question id, or one error per wrong answer (`answers.<id>`). With
 * `requireAnswers: false` (the desk adding a walk-in) a required question may stay unanswered.
 */
export function checkAnswers(
  questions: RegistrationQuestion[],
  given: Record<string, unknown> | null | undefined,
  { requireAnswers = true }: { requireAnswers?: boolean } = {},
): { answers: Record<string, unknown>; errors: FieldError[] } {
  const answers: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const input = given ?? {};
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(input)) {
    if (!known.has(id)) errors.push({ field: `answers.${id}`, message: msg('Question inconnue.', 'Unknown question.') });
  }
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const value = Object.prototype.hasOwnProperty.call(input, q.id) ? input[q.id] : undefined;
    const blank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
    if (blank) {
      if (q.required && requireAnswers) errors.push({ field, message: msg('Réponse obligatoire.', 'An answer is required.') });
      continue;
    }
    const choices = new Set((q.choices ?? []).map((c) => c.value));
    switch (q.kind) {
      case 'text':
        if (typeof value !== 'string') errors.push({ field, message: msg('Doit être un texte.', 'Must be text.') });
        else if (value.length > TEXT_MAX) errors.push({ field, message: msg(`${TEXT_MAX} caractères au plus.`, `At most ${TEXT_MAX} characters.`) });
        else answers[q.id] = value.trim();
        break;
      case 'choice':
        if (typeof value !== 'string' || !choices.has(value))
          errors.push({ field, message: msg('Choisissez une des réponses proposées.', 'Pick one of the answers offered.') });
        else answers[q.id] = value;
        break;
      case 'multi':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !choices.has(v)) || new Set(value).size !== value.length) {
          errors.push({ field, message: msg('Choisissez parmi les réponses proposées.', 'Pick among the answers offered.') });
        } else answers[q.id] = value;
        break;
      case 'boolean':
        if (typeof value !== 'boolean') errors.push({ field, message: msg('Répondez par oui ou non.', 'Answer yes or no.') });
        else answers[q.id] = value;
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > 1e12)
          errors.push({ field, message: msg('Doit être un nombre.', 'Must be a number.') });
        else answers[q.id] = value;
        break;
    }
  }
  return { answers, errors };
}

/** Two time spans share some time (touching ends do not). */
export function spansOverlap(a: { startsAt: Date | string; endsAt: Date | string }, b: { startsAt: Date | string; endsAt: Date | string }): boolean {
  return new Date(a.startsAt) < new Date(b.endsAt) && new Date(b.startsAt) < new Date(a.endsAt);
}
