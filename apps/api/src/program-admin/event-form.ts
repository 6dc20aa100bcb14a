import type { EventView } from '@palabre/events';
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
      ...dates.body,
      ...window.body,
    },
    errors: [...dates.errors, ...window.errors],
  };
}

/** DTO fields → the form's inputs (a localized text's errors go to its French input). */
export function eventFormField(dtoField: string): string {
  const root = dtoField.split('.')[0];
  if (root === 'title') return 'titleFr';
  if (root === 'description') return 'descriptionFr';
  return root;
}
