import { defineErrors, errorClass } from '@palabre/platform';

export const SPEAKER_ERRORS = defineErrors({
  SPEAKER_NOT_FOUND: {
    status: 404,
    title: { fr: 'Intervenant introuvable', en: 'Speaker not found' },
  },
  SPEAKER_EMAIL_MISSING: {
    status: 422,
    title: { fr: 'Adresse e-mail manquante', en: 'Email address missing' },
    detail: {
      fr: "{name} n'a pas d'adresse e-mail : ajoutez-la au profil avant de l'inviter.",
      en: '{name} has no email address: add it to the profile before inviting them.',
    },
  },
});
export type SpeakerErrorCode = keyof typeof SPEAKER_ERRORS;
export const SpeakerError = errorClass<SpeakerErrorCode>('SpeakerError', SPEAKER_ERRORS);
