import { defineErrors, errorClass } from '@palabre/platform';
import catalog from './speaker.errors.json';

export const SPEAKER_ERRORS = defineErrors(catalog);
export type SpeakerErrorCode = keyof typeof SPEAKER_ERRORS;
export const SpeakerError = errorClass<SpeakerErrorCode>('SpeakerError', SPEAKER_ERRORS);
