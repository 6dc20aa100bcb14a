import { defineErrors, errorClass } from '@palabre/platform';

export const SPEAKER_ERRORS = defineErrors({
  SPEAKER_NOT_FOUND: {
    status: 404,
    title: { fr: 'Intervenant introuvable', en: 'Speaker not found' },
  },
});
export type SpeakerErrorCode = keyof typeof SPEAKER_ERRORS;
export const SpeakerError = errorClass<SpeakerErrorCode>('SpeakerError', SPEAKER_ERRORS);
