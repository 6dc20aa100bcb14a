import { CHOICE_KINDS, QUESTION_KINDS, QuestionKind, RegistrationQuestion, type EventView } from '@palabre/events';
import { FieldError } from '@palabre/platform';
import { localDate, localTime } from '@palabre/program';
import { dateTimeError, field, FormBody, instantFromLocal, localized, wholeNumber } from './form-values';

/** The event settings form, as typed (strings), so a refused form shows back what was sent. */
export interface EventFormValues {
  slug: string;
  titleFr: string;
  titleEn: string;
  descriptionFr: string;
  descriptionEn: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  colour: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  capacity: string;
  confirmEmail: boolean;
  holdHours: string;
  consentFr: string;
  consentEn: string;
  /** The registration form's questions as typed, blank rows left out. */
  questions: QuestionFormRow[];
}

/** One custom question's row of the settings form; its choices one a line, `code: Libellé | English label`. */
export interface QuestionFormRow {
  id: string;
  labelFr: string;
  labelEn: string;
  kind: string;
  required: boolean;
  choices: string;
}

/** Blank question rows the settings form offers after the event's questions (no script: to add up to that many at once). */
export const SPARE_QUESTION_ROWS = 3;
/** How many rows the form reads at most (the DTO allows 30 questions). */
const MAX_QUESTION_ROWS = 30 + SPARE_QUESTION_ROWS;

/** A code from a label: lower case, no accents, dashes (`Niveau d'études` → `niveau-d-etudes`). */
export function codeOf(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

function questionRows(body: FormBody): QuestionFormRow[] {
  const rows: QuestionFormRow[] = [];
  for (let i = 0; i < MAX_QUESTION_ROWS; i++) {
    const v = (name: string) => field(body, `questions.${i}.${name}`);
    const row = {
      id: v('id').trim(),
      labelFr: v('labelFr'),
      labelEn: v('labelEn'),
      kind: v('kind') || 'text',
      required: v('required') !== '',
      choices: v('choices'),
    };
    // A row without its French label is a blank row, or a question taken out.
    if (row.labelFr.trim() !== '' || row.labelEn.trim() !== '' || row.choices.trim() !== '') rows.push(row);
  }
  return rows;
}

function questionRowOf(q: RegistrationQuestion): QuestionFormRow {
  return {
    id: q.id,
    labelFr: q.label.fr,
    labelEn: q.label.en ?? '',
    kind: q.kind,
    required: q.required,
    choices: (q.choices ?? []).map((c) => `${c.value}: ${c.label.fr}${c.label.en ? ` | ${c.label.en}` : ''}`).join('\n'),
  };
}

/** One choice a line: `code: Libellé | English label`; without a code, it is made from the French label. */
function choicesOf(text: string): { value: string; label: { fr: string; en?: string } }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const coded = /^([a-z0-9_-]{1,60})\s*:\s*(.*)$/.exec(line);
      const [fr, en] = (coded ? coded[2] : line).split('|').map((s) => s.trim());
      return { value: coded ? coded[1] : codeOf(fr), label: localized(fr, en ?? '') };
    });
}

/** The DTO's questions from the form's rows (the DTO and the service check them). */
function questionsBody(rows: QuestionFormRow[]): Record<string, unknown>[] {
  return rows.map((row) => {
    const kind = (QUESTION_KINDS as readonly string[]).includes(row.kind) ? (row.kind as QuestionKind) : row.kind;
    return {
      id: row.id || codeOf(row.labelFr),
      label: localized(row.labelFr, row.labelEn),
      kind,
      required: row.required,
      ...(CHOICE_KINDS.includes(kind as QuestionKind) || row.choices.trim() !== '' ? { choices: choicesOf(row.choices) } : {}),
    };
  });
}

/** `2025-06-10T09:00` in the zone: what a `datetime-local` input shows. */
export function localInput(instant: Date | null, timeZone: string): string {
  return instant ? `${localDate(instant, timeZone)}T${localTime(instant, timeZone)}` : '';
}

export function eventFormValues(body: FormBody): EventFormValues {
  return {
    slug: field(body, 'slug').trim().toLowerCase(),
    titleFr: field(body, 'titleFr'),
    titleEn: field(body, 'titleEn'),
    descriptionFr: field(body, 'descriptionFr'),
    descriptionEn: field(body, 'descriptionEn'),
    startsAt: field(body, 'startsAt'),
    endsAt: field(body, 'endsAt'),
    timeZone: field(body, 'timeZone').trim(),
    venueName: field(body, 'venueName'),
    venueAddress: field(body, 'venueAddress'),
    colour: field(body, 'colour'),
    registrationOpensAt: field(body, 'registrationOpensAt'),
    registrationClosesAt: field(body, 'registrationClosesAt'),
    capacity: field(body, 'capacity'),
    confirmEmail: field(body, 'confirmEmail') !== '',
    holdHours: field(body, 'holdHours'),
    consentFr: field(body, 'consentFr'),
    consentEn: field(body, 'consentEn'),
    questions: questionRows(body),
  };
}

export function eventFormFromView(e: EventView): EventFormValues {
  return {
    slug: e.slug,
    titleFr: e.title.fr,
    titleEn: e.title.en ?? '',
    descriptionFr: e.description.fr ?? '',
    descriptionEn: e.description.en ?? '',
    startsAt: localInput(e.startsAt, e.timeZone),
    endsAt: localInput(e.endsAt, e.timeZone),
    timeZone: e.timeZone,
    venueName: e.venueName,
    venueAddress: e.venueAddress,
    colour: e.colour,
    registrationOpensAt: localInput(e.registrationOpensAt, e.timeZone),
    registrationClosesAt: localInput(e.registrationClosesAt, e.timeZone),
    capacity: e.capacity === null ? '' : String(e.capacity),
    confirmEmail: e.confirmEmail,
    holdHours: String(e.holdHours),
    consentFr: e.consentText?.fr ?? '',
    consentEn: e.consentText?.en ?? '',
    questions: e.questions.map(questionRowOf),
  };
}

/** The defaults of a new event's form: Bamako, two days, 8:00 to 18:00. */
export function newEventFormValues(): EventFormValues {
  return { ...eventFormValues({}), timeZone: 'Africa/Bamako', confirmEmail: true, holdHours: '48', colour: '#0b6e4f' };
}

interface Parsed {
  body: Record<string, unknown>;
  errors: FieldError[];
}

/** Dates typed in the event's own zone (the zone of the form), as instants. */
function instants(values: EventFormValues, names: (keyof EventFormValues)[], optional: boolean): Parsed {
  const body: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const name of names) {
    const text = String(values[name]).trim();
    if (text === '' && optional) {
      body[name] = null;
      continue;
    }
    const instant = instantFromLocal(text, values.timeZone);
    if (instant) body[name] = instant;
    else errors.push(dateTimeError(name));
  }
  return { body, errors };
}

/** The body of `POST …/events` (CreateEventDto) from the short creation form. */
export function createEventBody(values: EventFormValues): Parsed {
  const dates = instants(values, ['startsAt', 'endsAt'], false);
  return {
    body: { slug: values.slug, title: localized(values.titleFr, values.titleEn), timeZone: values.timeZone, ...dates.body },
    errors: dates.errors,
  };
}

/** The body of `PATCH /events/{slug}` (UpdateEventDto) from the settings form: every field, as the form shows them all. */
export function updateEventBody(values: EventFormValues): Parsed {
  const dates = instants(values, ['startsAt', 'endsAt'], false);
  const window = instants(values, ['registrationOpensAt', 'registrationClosesAt'], true);
  return {
    body: {
      title: localized(values.titleFr, values.titleEn),
      description: localized(values.descriptionFr, values.descriptionEn),
      timeZone: values.timeZone,
      venueName: values.venueName.trim(),
      venueAddress: values.venueAddress.trim(),
      colour: values.colour.trim(),
      capacity: wholeNumber(values.capacity, null),
      confirmEmail: values.confirmEmail,
      holdHours: wholeNumber(values.holdHours, undefined),
      consentText: values.consentFr.trim() === '' && values.consentEn.trim() === '' ? null : localized(values.consentFr, values.consentEn),
      questions: questionsBody(values.questions),
      ...dates.body,
      ...window.body,
    },
    errors: [...dates.errors, ...window.errors],
  };
}

/** DTO fields → the form's inputs (a localized text's errors go to its French input). */
export function eventFormField(dtoField: string): string {
  const [root, index, name, sub] = dtoField.split('.');
  if (root === 'title') return 'titleFr';
  if (root === 'description') return 'descriptionFr';
  if (root === 'consentText') return sub === undefined && index === 'en' ? 'consentEn' : 'consentFr';
  if (root === 'questions' && index !== undefined) {
    if (name === 'label') return `questions.${index}.${sub === 'en' ? 'labelEn' : 'labelFr'}`;
    return `questions.${index}.${name === 'choices' ? 'choices' : (name ?? 'labelFr')}`;
  }
  return root;
}
