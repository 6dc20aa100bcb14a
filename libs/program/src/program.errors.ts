import { defineErrors, errorClass } from '@palabre/platform';
import catalog from './program.errors.json';

/**
 * Conflict details name the other session in the reader's language: `{otherFr}` and
 * `{otherEn}` are its French and English titles, `{from}`/`{to}` its local times.
 */
export const PROGRAM_ERRORS = defineErrors(catalog);
export type ProgramErrorCode = keyof typeof PROGRAM_ERRORS;
export const ProgramError = errorClass<ProgramErrorCode>('ProgramError', PROGRAM_ERRORS);
export type ProgramError = InstanceType<typeof ProgramError>;
