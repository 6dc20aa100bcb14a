import type { EventView, QuestionKind, RegistrationAvailability, RegistrationQuestion } from '@palabre/events';
import { Locale, Localized, pick, ProblemDocument, translator } from '@palabre/platform';
import { programLinks, toZonedIso } from '@palabre/program';
import { AGE_GROUPS, GENDERS, ORGANIZATION_TYPES, RegistrationStatus, RegistrationView, WorkshopWithSeats } from '@palabre/registration';
import { eventDatesLabel, eventLinks, EventLinks, paragraphs, timeModel, TimeModel, withLang } from '../program/public-common.model';
import { formatDate, inSentence } from '../program/public-labels';
import { answerName, fieldId, RegistrationFormValues, storedValues } from './registration-form';

export interface Option {
  value: string;
  label: string;
}

export interface QuestionModel {
  id: string;
  inputId: string;
  name: string;
  label: string;
  kind: QuestionKind;
  required: boolean;
  choices: Option[];
}

export interface WorkshopModel {
  id: string;
  title: string;
  day: string;
  start: TimeModel;
  end: TimeModel;
  room: string | null;
  /** « 3 places restantes », « Complet : liste d’attente », or nothing without a limit. */
  seats: string | null;
  /** The participant's standing in it (their page only): signed up, or waiting at a position. */
  standing: string | null;
  chosen: boolean;
}

export interface Categories {
  organizationType: Option[];
  gender: Option[];
  ageGroup: Option[];
}

/** What every page of a registration shows of its event. */
export interface EventHeader {
  title: string;
  dates: string;
  start: string;
  href: string;
  links: EventLinks;
}

export interface RegistrationFormPageModel {
  locale: Locale;
  path: string;
  /** Where the form posts: the same address, in the page's language. */
  action: string;
  event: EventHeader;
  open: boolean;
  /** Why not, when closed (not yet open, or closed). */
  closedText: string;
  seats: string | null;
  /** Every seat is taken: newcomers join the waiting list. */
  full: boolean;
  optIn: boolean;
  holdHours: number;
  questions: QuestionModel[];
  workshops: WorkshopModel[];
  consent: string[];
  categories: Categories;
  values: RegistrationFormValues;
  problem?: ProblemDocument;
}

export interface CheckEmailPageModel {
  locale: Locale;
  path: string;
  event: EventHeader;
  holdHours: number;
}

/** After registering with a phone only: enter the code received by SMS. */
export interface CheckPhonePageModel extends CheckEmailPageModel {
  /** Where the code form posts. */
  action: string;
  verificationId: string;
  codeMinutes: number;
  problem?: ProblemDocument;
}

/** What the participant's page confirms after a change (`?fait=…`): fixed texts, nothing from the URL is echoed. */
export type ParticipantNotice = 'confirmee' | 'coordonnees' | 'ateliers' | 'annulee';
export const PARTICIPANT_NOTICES: ParticipantNotice[] = ['confirmee', 'coordonnees', 'ateliers', 'annulee'];

/** Which form of the participant's page a refusal belongs to. */
export type ParticipantSection = 'status' | 'details' | 'workshops';

export interface ParticipantPageModel {
  locale: Locale;
  path: string;
  event: EventHeader;
  zoneCity: string;
  reference: string;
  status: RegistrationStatus;
  statusText: string;
  /** Pending: the seat is held until then (in the event's zone). */
  holdUntil: { iso: string; label: string } | null;
  canConfirm: boolean;
  /** Not cancelled nor expired: details and workshops may change, and it may be cancelled. */
  active: boolean;
  ticket: { svg: string; code: string } | null;
  email: string | null;
  questions: QuestionModel[];
  categories: Categories;
  values: RegistrationFormValues;
  workshops: WorkshopModel[];
  actions: { confirm: string; details: string; workshops: string; cancel: string; erase: string };
  downloads: { calendar: string; data: string };
  notice: string | null;
  problem?: { section: ParticipantSection; problem: ProblemDocument };
}

/** A yes-or-no step before an action that cannot be undone (cancel, erase), without JavaScript. */
export interface ConfirmStepModel {
  locale: Locale;
  path: string;
  event: EventHeader;
  heading: string;
  text: string;
  action: string;
  button: string;
  back: string;
}

export interface ErasedPageModel {
  locale: Locale;
  path: string;
  event: EventHeader;
}

const options = (labels: Record<string, Localized>, locale: Locale): Option[] =>
  Object.entries(labels).map(([value, l]) => ({ value, label: pick(l, locale) }));

export function categories(locale: Locale): Categories {
  return { organizationType: options(ORGANIZATION_TYPES, locale), gender: options(GENDERS, locale), ageGroup: options(AGE_GROUPS, locale) };
}

export function eventHeader(event: EventView, locale: Locale): EventHeader {
  return {
    title: pick(event.title, locale),
    dates: eventDatesLabel(event, locale),
    start: toZonedIso(event.startsAt, event.timeZone),
    href: withLang(programLinks.event('', event.slug), locale),
    links: eventLinks(event.slug, locale),
  };
}

export function questionModels(questions: RegistrationQuestion[], locale: Locale): QuestionModel[] {
  return questions.map((q) => ({
    id: q.id,
    inputId: fieldId(`answers.${q.id}`),
    name: answerName(q.id),
    label: pick(q.label, locale),
    kind: q.kind,
    required: q.required,
    choices: (q.choices ?? []).map((c) => ({ value: c.value, label: pick(c.label, locale) })),
  }));
}

function seatsText(remaining: number | null, locale: Locale): string | null {
  const t = translator(locale);
  if (remaining === null) return null;
  if (remaining === 0) return t('Complet : liste d’attente', 'Full: waiting list');
  return remaining === 1 ? t('1 place restante', '1 seat left') : t(`${remaining} places restantes`, `${remaining} seats left`);
}

function workshopModel(w: WorkshopWithSeats, event: EventView, locale: Locale, chosen: boolean, standing: string | null): WorkshopModel {
  return {
    id: w.id,
    title: pick(w.title, locale),
    day: inSentence(formatDate(new Date(w.startsAt), event.timeZone, locale, 'day'), locale),
    start: timeModel(w.startsAt, event.timeZone),
    end: timeModel(w.endsAt, event.timeZone),
    room: w.room,
    seats: seatsText(w.remaining, locale),
    standing,
    chosen,
  };
}

export function toRegistrationFormPageModel(
  event: EventView,
  availability: RegistrationAvailability,
  workshops: WorkshopWithSeats[],
  now: Date,
  locale: Locale,
  form: { values: RegistrationFormValues; problem?: ProblemDocument },
): RegistrationFormPageModel {
  const t = translator(locale);
  const path = `${programLinks.event('', event.slug)}/inscription`;
  const notYet = event.registrationOpensAt !== null && now < event.registrationOpensAt;
  const date = (d: Date) => formatDate(d, event.timeZone, locale, 'dateTime');
  const full = availability.remaining === 0;
  return {
    locale,
    path,
    action: withLang(path, locale),
    event: eventHeader(event, locale),
    open: availability.open,
    closedText: notYet
      ? t(`Les inscriptions ouvriront le ${date(event.registrationOpensAt!)}.`, `Registration opens on ${date(event.registrationOpensAt!)}.`)
      : t('Les inscriptions sont closes.', 'Registration is closed.'),
    seats:
      availability.remaining !== null && availability.capacity !== null && !full
        ? t(`${availability.remaining} places restantes sur ${availability.capacity}.`, `${availability.remaining} seats left out of ${availability.capacity}.`)
        : null,
    full,
    optIn: event.confirmEmail,
    holdHours: event.holdHours,
    questions: questionModels(event.questions, locale),
    workshops: workshops.map((w) => workshopModel(w, event, locale, form.values.sessionIds.includes(w.id), null)),
    consent: paragraphs(pick(event.consentText, locale)),
    categories: categories(locale),
    values: form.values,
    problem: form.problem,
  };
}

export function toCheckEmailPageModel(event: EventView, locale: Locale): CheckEmailPageModel {
  return { locale, path: `${programLinks.event('', event.slug)}/inscription`, event: eventHeader(event, locale), holdHours: event.holdHours };
}

export function toCheckPhonePageModel(
  event: EventView,
  locale: Locale,
  verificationId: string,
  codeMinutes: number,
  problem?: ProblemDocument,
): CheckPhonePageModel {
  const page = toCheckEmailPageModel(event, locale);
  return { ...page, action: withLang(`${page.path}/code`, locale), verificationId, codeMinutes, problem };
}

const NOTICE_TEXTS: Record<ParticipantNotice, Localized> = {
  confirmee: { fr: 'C’est noté : votre confirmation est enregistrée.', en: 'Done: your confirmation is recorded.' },
  coordonnees: { fr: 'Vos informations sont enregistrées.', en: 'Your details are saved.' },
  ateliers: { fr: 'Vos choix d’ateliers sont enregistrés.', en: 'Your workshop choices are saved.' },
  annulee: { fr: 'Votre inscription est annulée.', en: 'Your registration is cancelled.' },
};

function statusText(r: RegistrationView, locale: Locale): string {
  const t = translator(locale);
  switch (r.status) {
    case 'pending':
      return r.holdExpiresAt
        ? t('En attente de votre confirmation : votre place est gardée', 'Waiting for your confirmation: your seat is held')
        : t('En attente de votre confirmation.', 'Waiting for your confirmation.');
    case 'confirmed':
      return t('Inscription confirmée : votre place est réservée.', 'Registration confirmed: your seat is booked.');
    case 'waitlisted': {
      // Without an email the news comes by SMS.
      const by = r.participant.email ? t('un e-mail', 'an email') : t('un SMS', 'a text message');
      return t(
        `Sur liste d’attente, position ${r.waitlistPosition ?? '?'}. Vous recevrez ${by} dès qu’une place se libère.`,
        `On the waiting list, position ${r.waitlistPosition ?? '?'}. You will get ${by} as soon as a seat frees up.`,
      );
    }
    case 'cancelled':
      return t('Inscription annulée.', 'Registration cancelled.');
    case 'expired':
      return t(
        'Votre place a expiré faute de confirmation. Vous pouvez encore confirmer : vous aurez une place s’il en reste, sinon vous rejoindrez la liste d’attente.',
        'Your seat expired without confirmation. You may still confirm: you get a seat if one is left, otherwise you join the waiting list.',
      );
  }
}

function standing(s: RegistrationView['sessions'][number] | undefined, locale: Locale): string | null {
  const t = translator(locale);
  if (!s) return null;
  return s.status === 'signed_up'
    ? t('Vous êtes inscrit·e', 'You are signed up')
    : t(`Liste d’attente, position ${s.waitlistPosition ?? '?'}`, `Waiting list, position ${s.waitlistPosition ?? '?'}`);
}

export function toParticipantPageModel(
  token: string,
  r: RegistrationView,
  workshops: WorkshopWithSeats[],
  ticketSvg: string | null,
  locale: Locale,
  options: { notice?: ParticipantNotice; problem?: ParticipantPageModel['problem']; values?: RegistrationFormValues },
): ParticipantPageModel {
  const event = r.event;
  const base = `/r/${token}`;
  const mine = new Map(r.sessions.map((s) => [s.sessionId, s]));
  const active = r.status !== 'cancelled' && r.status !== 'expired';
  return {
    locale,
    path: base,
    event: eventHeader(event, locale),
    zoneCity: (event.timeZone.split('/').pop() ?? event.timeZone).replace(/_/g, ' '),
    reference: r.reference,
    status: r.status,
    statusText: statusText(r, locale),
    holdUntil: r.holdExpiresAt
      ? { iso: toZonedIso(r.holdExpiresAt, event.timeZone), label: formatDate(r.holdExpiresAt, event.timeZone, locale, 'dateTime') }
      : null,
    canConfirm: r.status === 'pending' || r.status === 'expired',
    active,
    ticket: r.ticketCode && ticketSvg ? { svg: ticketSvg, code: r.ticketCode } : null,
    email: r.participant.email,
    questions: questionModels(event.questions, locale),
    categories: categories(locale),
    values: options.values ?? storedValues(r.participant, r.participant.answers, event.questions),
    workshops: workshops.map((w) => workshopModel(w, event, locale, mine.has(w.id), standing(mine.get(w.id), locale))),
    actions: {
      confirm: withLang(`${base}/confirmer`, locale),
      details: withLang(`${base}/coordonnees`, locale),
      workshops: withLang(`${base}/ateliers`, locale),
      cancel: withLang(`${base}/annuler`, locale),
      erase: withLang(`${base}/effacer`, locale),
    },
    downloads: { calendar: `/api/v1/registrations/${token}/calendar.ics`, data: `/api/v1/registrations/${token}/data` },
    notice: options.notice ? pick(NOTICE_TEXTS[options.notice], locale) : null,
    problem: options.problem,
  };
}

export function toConfirmStepModel(token: string, event: EventView, locale: Locale, step: 'cancel' | 'erase'): ConfirmStepModel {
  const t = translator(locale);
  const base = `/r/${token}`;
  const cancel = step === 'cancel';
  return {
    locale,
    path: `${base}/${cancel ? 'annuler' : 'effacer'}`,
    event: eventHeader(event, locale),
    heading: cancel ? t('Annuler mon inscription', 'Cancel my registration') : t('Effacer mes données', 'Erase my data'),
    text: cancel
      ? t(
          'Votre place (et vos places en atelier) ira à la première personne de la liste d’attente. Vous pourrez vous réinscrire s’il reste de la place.',
          'Your seat (and your workshop seats) will go to the first person on the waiting list. You may register again if seats are left.',
        )
      : t(
          'Votre inscription sera annulée et vos nom, coordonnées, organisation et réponses effacés. Ce lien cessera de fonctionner. Cela ne peut pas être défait.',
          'Your registration will be cancelled and your name, contact details, organization and answers erased. This link will stop working. This cannot be undone.',
        ),
    action: withLang(`${base}/${cancel ? 'annuler' : 'effacer'}`, locale),
    button: cancel ? t('Oui, annuler mon inscription', 'Yes, cancel my registration') : t('Oui, effacer mes données', 'Yes, erase my data'),
    back: withLang(base, locale),
  };
}

export function toErasedPageModel(event: EventView, locale: Locale): ErasedPageModel {
  return { locale, path: programLinks.event('', event.slug), event: eventHeader(event, locale) };
}
