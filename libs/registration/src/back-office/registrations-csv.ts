import { CSV_BOM, csvCell, csvLine, Locale, pick, type Localized } from '@palabre/platform';

export { CSV_BOM, csvCell, csvLine };
import type { EventView, RegistrationQuestion } from '@palabre/events';
import { AGE_GROUPS, GENDERS, ORGANIZATION_TYPES } from '../registrations/participant-categories';
import type { RegistrationStatus } from '../registrations/registration.entity';
import type { RegistrationRow } from './registrations-search.repository';
import catalog from '../registration.labels.json';

/** How each status reads in the back-office and its export. */
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, Localized> = catalog.registrationStatuses;

const label = (labels: Record<string, Localized>, value: string | null, locale: Locale) => (value ? pick(labels[value] ?? { fr: value }, locale) : '');

/** An answer as a reader sees it: a choice's label, yes or no, a number, the text. */
export function answerText(question: RegistrationQuestion, value: unknown, locale: Locale): string {
  if (value === undefined || value === null) return '';
  const choice = (v: unknown) => {
    const c = question.choices?.find((x) => x.value === v);
    return c ? pick(c.label, locale) : String(v);
  };
  switch (question.kind) {
    case 'choice':
      return choice(value);
    case 'multi':
      return Array.isArray(value) ? value.map(choice).join(' ; ') : String(value);
    case 'boolean':
      return value === true ? pick({ fr: 'Oui', en: 'Yes' }, locale) : value === false ? pick({ fr: 'Non', en: 'No' }, locale) : String(value);
    case 'text':
    case 'number':
      return String(value);
  }
}

/** The export's header line: the fixed columns, then one per question (its label in the caller's language). */
export function csvHeader(event: EventView, locale: Locale): string {
  const t = (fr: string, en: string) => pick({ fr, en }, locale);
  return csvLine([
    t('Référence', 'Reference'),
    t('Statut', 'Status'),
    t("Position en liste d'attente", 'Waiting-list position'),
    t('Prénom', 'First name'),
    t('Nom', 'Last name'),
    t('E-mail', 'Email'),
    t('Téléphone', 'Phone'),
    t('Organisation', 'Organization'),
    t("Type d'organisation", 'Organization type'),
    t('Genre', 'Gender'),
    t("Tranche d'âge", 'Age group'),
    t('Région', 'Region'),
    t('Langue', 'Language'),
    t('Origine', 'Source'),
    t('Ateliers', 'Workshops'),
    t('Inscrit·e le', 'Registered at'),
    t('Confirmée le', 'Confirmed at'),
    t('Annulée le', 'Cancelled at'),
    ...event.questions.map((q) => pick(q.label, locale)),
  ]);
}

/** One registration's line; `workshops` are the titles of the workshops it is signed up to. */
export function csvRow(event: EventView, row: RegistrationRow, workshops: string[], locale: Locale): string {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : '');
  return csvLine([
    row.reference,
    pick(REGISTRATION_STATUS_LABELS[row.status], locale),
    row.waitlistPosition,
    row.firstName,
    row.lastName,
    row.email,
    row.phone,
    row.organization,
    label(ORGANIZATION_TYPES, row.organizationType, locale),
    label(GENDERS, row.gender, locale),
    label(AGE_GROUPS, row.ageGroup, locale),
    row.region,
    row.locale,
    row.source,
    workshops.join(' ; '),
    iso(row.createdAt),
    iso(row.confirmedAt),
    iso(row.cancelledAt),
    ...event.questions.map((q) => answerText(q, row.answers[q.id], locale)),
  ]);
}
