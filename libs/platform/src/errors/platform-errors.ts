import { defineErrors, errorClass } from './domain-error';
import catalog from './platform-errors.json';

export const PLATFORM_ERRORS = defineErrors(catalog);

export type PlatformErrorCode = keyof typeof PLATFORM_ERRORS;
export const PlatformError = errorClass<PlatformErrorCode>('PlatformError', PLATFORM_ERRORS);
export type PlatformError = InstanceType<typeof PlatformError>;
