import { defineErrors, errorClass } from '@palabre/platform';
import catalog from './identity.errors.json';

export const IDENTITY_ERRORS = defineErrors(catalog);
export type IdentityErrorCode = keyof typeof IDENTITY_ERRORS;
export const IdentityError = errorClass<IdentityErrorCode>('IdentityError', IDENTITY_ERRORS);
