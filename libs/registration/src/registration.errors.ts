import { defineErrors, errorClass } from '@palabre/platform';
import catalog from './registration.errors.json';

export const REGISTRATION_ERRORS = defineErrors(catalog);
export type RegistrationErrorCode = keyof typeof REGISTRATION_ERRORS;
export const RegistrationError = errorClass<RegistrationErrorCode>('RegistrationError', REGISTRATION_ERRORS);
