import { defineErrors, errorClass, problem } from '@palabre/platform';

export const PARTNER_ERRORS = defineErrors({
  // The same answer for an unknown partner and another event's (or another organization's) one.
  PARTNER_NOT_FOUND: problem(404, 'Partenaire introuvable', 'Partner not found'),
  ALREADY_PARTNER: problem(409, 'Déjà partenaire', 'Already a partner', {
    fr: '« {name} » est déjà partenaire de cet événement.',
    en: '"{name}" is already a partner of this event.',
  }),
  OWN_ORGANIZATION: problem(409, 'Organisation organisatrice', 'Organizing organization', {
    fr: "L'organisation qui organise l'événement n'en est pas partenaire.",
    en: 'The organization running the event is not its partner.',
  }),
  UNKNOWN_SECTOR: problem(400, 'Secteur inconnu', 'Unknown sector'),
  SECTOR_EXISTS: problem(409, 'Secteur déjà présent', 'Sector already there'),
  UNKNOWN_INDICATOR: problem(400, 'Indicateur inconnu', 'Unknown indicator'),
  INVALID_FIGURES: problem(400, 'Chiffres invalides', 'Invalid figures'),
  FIGURES_NOT_FOUND: problem(404, 'Chiffres introuvables', 'Figures not found'),
  FIGURES_LOCKED: problem(409, 'Chiffres en relecture ou acceptés', 'Figures under review or accepted', {
    fr: 'Ces chiffres sont {status} : ils ne changent plus.',
    en: 'These figures are {statusEn}: they no longer change.',
  }),
  FIGURES_EMPTY: problem(422, 'Aucun chiffre', 'No figure', {
    fr: 'Saisissez au moins un chiffre avant de soumettre.',
    en: 'Enter at least one figure before submitting.',
  }),
  FIGURES_NOT_SUBMITTED: problem(409, 'Chiffres non soumis', 'Figures not submitted', {
    fr: 'Seuls des chiffres soumis se relisent.',
    en: 'Only submitted figures are reviewed.',
  }),
  OPPORTUNITY_NOT_FOUND: problem(404, 'Opportunité introuvable', 'Opportunity not found'),
  CONTACTS_NOT_ACCEPTED: problem(409, 'Pas de contact pour cette opportunité', 'No contact for this opportunity', {
    fr: 'Cette opportunité ne reçoit pas de contacts : suivez « comment postuler ».',
    en: 'This opportunity takes no contacts: follow "how to apply".',
  }),
  DEADLINE_PASSED: problem(422, 'Date limite passée', 'Deadline passed', {
    fr: 'La date limite doit être aujourd’hui ou plus tard.',
    en: 'The deadline must be today or later.',
  }),
  OPPORTUNITY_CLOSED: problem(410, 'Opportunité close', 'Opportunity closed', {
    fr: 'La date limite est passée.',
    en: 'The deadline has passed.',
  }),
});
export type PartnerErrorCode = keyof typeof PARTNER_ERRORS;
export const PartnerError = errorClass<PartnerErrorCode>('PartnerError', PARTNER_ERRORS);
