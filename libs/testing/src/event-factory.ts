import type { EventView, QuestionKind, RegistrationQuestion } from '@palabre/events';

/** A published two-day forum with 3000 seats, open for registration, as services hand it out; `overrides` change what a test is about. */
export function anEventView(overrides: Partial<EventView> = {}): EventView {
  const published = new Date('2026-05-01T10:00:00Z');
  return {
    id: 'e1',
    organizationId: 'o1',
    slug: 'forum',
    acronym: 'F',
    title: { fr: 'Forum', en: 'Forum' },
    description: { fr: '' },
    startsAt: new Date('2026-06-10T08:00:00Z'),
    endsAt: new Date('2026-06-11T18:00:00Z'),
    timeZone: 'Africa/Bamako',
    venueName: 'CICB',
    venueAddress: 'Bamako',
    colour: '#000000',
    status: 'published',
    publishedAt: published,
    registrationOpensAt: null,
    registrationClosesAt: null,
    capacity: 3000,
    confirmEmail: false,
    holdHours: 24,
    speakerReminderDays: 3,
    speakerReminderMax: 2,
    noShowReleaseMinutes: null,
    questions: [],
    consentText: null,
    updatedAt: published,
    ...overrides,
  };
}

/** A label in French, or in French and English. */
type Label = string | [fr: string, en: string];
const label = (l: Label) => (typeof l === 'string' ? { fr: l } : { fr: l[0], en: l[1] });

/**
 * A custom question of the registration form as organizers set it (and as the API gives it back):
 * `aQuestion('langues', 'multi', ['Langues parlées', 'Languages spoken'], { choices: [['fr', 'Français']] })`.
 */
export function aQuestion(
  id: string,
  kind: QuestionKind,
  text: Label,
  options: { required?: boolean; choices?: [string, Label][] } = {},
): RegistrationQuestion {
  const { required = false, choices } = options;
  return { id, label: label(text), kind, required, ...(choices ? { choices: choices.map(([value, l]) => ({ value, label: label(l) })) } : {}) };
}
