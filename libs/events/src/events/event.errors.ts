import { defineErrors, errorClass } from '@palabre/platform';

export const EVENT_ERRORS = defineErrors({
  EVENT_NOT_FOUND: {
    status: 404,
    title: { fr: 'Événement introuvable', en: 'Event not found' },
    detail: { fr: "Aucun événement publié ne porte l'adresse « {slug} ».", en: 'No published event has the address "{slug}".' },
  },
  EVENT_SLUG_TAKEN: {
    status: 409,
    title: { fr: 'Adresse déjà prise', en: 'Address already taken' },
    detail: { fr: "Un événement utilise déjà l'adresse « {slug} ».", en: 'An event already uses the address "{slug}".' },
  },
  INVALID_EVENT_DATES: {
    status: 400,
    title: { fr: 'Dates incohérentes', en: 'Inconsistent dates' },
    detail: { fr: "La fin de l'événement doit suivre son début.", en: 'The event must end after it starts.' },
  },
});
export type EventErrorCode = keyof typeof EVENT_ERRORS;
export const EventError = errorClass<EventErrorCode>('EventError', EVENT_ERRORS);
