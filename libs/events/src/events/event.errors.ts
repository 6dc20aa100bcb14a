import { defineErrors, errorClass } from '@palabre/platform';
import catalog from './event.errors.json';

/** EVENT_NOT_FOUND is the same answer for an unknown slug, a draft seen by the public and another organization's event. */
export const EVENT_ERRORS = defineErrors(catalog);
export type EventErrorCode = keyof typeof EVENT_ERRORS;
export const EventError = errorClass<EventErrorCode>('EventError', EVENT_ERRORS);
