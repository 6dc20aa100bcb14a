import { defineErrors, errorClass, problem } from '@palabre/platform';

export const SPEAKER_ERRORS = defineErrors({
  SPEAKER_NOT_FOUND: problem(404, 'Intervenant introuvable', 'Speaker not found'),
  SPEAKER_EMAIL_MISSING: problem(422, 'Adresse e-mail manquante', 'Email address missing', {
    fr: "{name} n'a pas d'adresse e-mail : ajoutez-la au profil avant de l'inviter.",
    en: '{name} has no email address: add it to the profile before inviting them.',
  }),
});
export type SpeakerErrorCode = keyof typeof SPEAKER_ERRORS;
export const SpeakerError = errorClass<SpeakerErrorCode>('SpeakerError', SPEAKER_ERRORS);
