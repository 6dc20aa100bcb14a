import type { EventView } from '@palabre/events';
import { FieldError } from '@palabre/platform';
import { field, FormBody } from '../program-admin/form-values';
import type { DeskFormValues } from './organizer-registrations-pages';

/** Every value a repeated name (checkboxes) was posted with. */
function all(body: FormBody, name: string): string[] {
  const v = body[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v !== '' ? [v] : [];
}

export function deskFormValues(event: EventView, body: FormBody): DeskFormValues {
  const v = (name: string) => field(body, name);
  return {
    firstName: v('firstName'),
    lastName: v('lastName'),
    email: v('email').trim(),
    phone: v('phone').trim(),
    organization: v('organization'),
    organizationType: v('organizationType'),
    gender: v('gender'),
    ageGroup: v('ageGroup'),
    region: v('region'),
    locale: v('locale') || 'fr',
    answers: Object.fromEntries(event.questions.map((q) => [q.id, q.kind === 'multi' ? all(body, `answers.${q.id}`) : v(`answers.${q.id}`)])),
    sessionIds: all(body, 'sessionIds'),
  };
}

export function emptyDeskForm(event: EventView): DeskFormValues {
  return deskFormValues(event, {});
}

/**
 * The body of `POST …/registrations/desk` (AddRegistrationDto): an empty field is no answer; a
 * yes/no and a number are read as such (a number that is none stays text, and the event's
 * question check names it).
 */
export function deskBody(event: EventView, values: DeskFormValues): { body: Record<string, unknown>; errors: FieldError[] } {
  const optional = (s: string) => (s.trim() === '' ? undefined : s);
  const answers: Record<string, unknown> = {};
  for (const q of event.questions) {
    const given = values.answers[q.id];
    if (Array.isArray(given)) {
      if (given.length > 0) answers[q.id] = given;
      continue;
    }
    if (!given || given.trim() === '') continue;
    if (q.kind === 'boolean') answers[q.id] = given === 'true' ? true : given === 'false' ? false : given;
    else if (q.kind === 'number') answers[q.id] = /^-?\d{1,12}([.,]\d{1,6})?$/.test(given.trim()) ? Number(given.trim().replace(',', '.')) : given;
    else answers[q.id] = given;
  }
  return {
    body: {
      firstName: values.firstName,
      lastName: values.lastName,
      email: optional(values.email),
      phone: optional(values.phone),
      organization: optional(values.organization),
      organizationType: optional(values.organizationType),
      gender: optional(values.gender),
      ageGroup: optional(values.ageGroup),
      region: optional(values.region),
      locale: values.locale,
      answers,
      ...(values.sessionIds.length > 0 ? { sessionIds: values.sessionIds } : {}),
    },
    errors: [],
  };
}

/** DTO fields to the form's: `sessionIds.2` is the workshops' group; the rest keep their names. */
export function deskFormField(dtoField: string): string {
  return dtoField.startsWith('sessionIds') ? 'sessionIds' : dtoField;
}
