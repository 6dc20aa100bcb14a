import { FieldError, isTimeZone, Localized, ProblemDocument } from '@palabre/platform';
import { zonedInstant } from '@palabre/program';

/** A page form as Fastify parses it: every value a string (a repeated name would be an array: ignored). */
export type FormBody = Record<string, unknown>;

/** One field as typed, trimmed of nothing (what the form shows back). */
export function field(body: FormBody | undefined, name: string): string {
  const v = body?.[name];
  return typeof v === 'string' ? v : '';
}

/** `{ fr, en }` from two inputs; an empty English is left out (French stands in). */
export function localized(fr: string, en: string): Localized {
  return { fr: fr.trim(), ...(en.trim() ? { en: en.trim() } : {}) };
}

/**
 * A whole number as typed: `''` → `empty`, digits → the number, anything else stays a string
 * so that the DTO's validation names the field.
 */
export function wholeNumber<E>(text: string, empty: E): number | string | E {
  const s = text.trim();
  if (s === '') return empty;
  return /^\d{1,9}$/.test(s) ? Number(s) : s;
}

const DATETIME_LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/**
 * A `datetime-local` input (`2025-06-10T09:00`) read in the event's zone, as an ISO instant;
 * null when it is not one (the caller names the field).
 */
export function instantFromLocal(text: string, timeZone: string): string | null {
  const m = DATETIME_LOCAL.exec(text.trim());
  const instant = m ? zonedInstant(m[1], m[2], isTimeZone(timeZone) ? timeZone : 'UTC') : null;
  return instant ? instant.toISOString() : null;
}

export const dateTimeError = (field: string): FieldError => ({
  field,
  message: { fr: 'Date et heure attendues (ex. 10/06/2030 09:00).', en: 'A date and time is expected (e.g. 2030-06-10 09:00).' },
});

/** The problem with its field names turned from the DTO's (`title`) to the form's (`titleFr`). */
export function withFormFields(problem: ProblemDocument, rename: (field: string) => string): ProblemDocument {
  return problem.errors ? { ...problem, errors: problem.errors.map((e) => ({ ...e, field: rename(e.field) })) } : problem;
}
