import { defineErrors, errorClass, problem } from '@palabre/platform';

export const SPEAKER_ERRORS = defineErrors({
  SPEAKER_NOT_FOUND: problem(404, 'Intervenant introuvable', 'Speaker not found'),
  SPEAKER_EMAIL_MISSING: problem(422, 'Adresse e-mail manquante', 'Email address missing', {
    fr: "{name} n'a pas d'adresse e-mail : ajoutez-la au profil avant de l'inviter.",
    en: '{name} has no email address: add it to the profile before inviting them.',
  }),
  SPEAKER_IMPORT_NOT_FOUND: problem(404, 'Import introuvable', 'Import not found'),
  SPEAKER_IMPORT_CLOSED: problem(409, 'Import déjà terminé', 'Import already closed', {
    fr: 'Cet import est {status} : prévisualisez le fichier à nouveau.',
    en: 'This import is {statusEn}: preview the file again.',
  }),
  SPEAKER_IMPORT_UNREADABLE: problem(400, 'Fichier illisible', 'Unreadable file', {
    fr: '{reasonFr}',
    en: '{reasonEn}',
  }),
});
export type SpeakerErrorCode = keyof typeof SPEAKER_ERRORS;
export const SpeakerError = errorClass<SpeakerErrorCode>('SpeakerError', SPEAKER_ERRORS);
