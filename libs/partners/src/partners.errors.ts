import { defineErrors, errorClass } from '@palabre/platform';
import catalog from './partners.errors.json';

/** PARTNER_NOT_FOUND is the same answer for an unknown partner and another event's (or another organization's) one. */
export const PARTNER_ERRORS = defineErrors(catalog);
export type PartnerErrorCode = keyof typeof PARTNER_ERRORS;
export const PartnerError = errorClass<PartnerErrorCode>('PartnerError', PARTNER_ERRORS);
