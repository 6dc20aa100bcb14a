import { defineErrors, errorClass } from '@palabre/platform';

export const EVENT_ERRORS = defineErrors({
  EVENT_NOT_FOUND: {
    status: 404,
    title: { fr: 'Événement introuvable', en: 'Event not found' },
    // The same answer for an unknown slug, a draft seen by the public and another organization's event.
    detail: { fr: "Aucun événement ne porte l'adresse « {slug} ».", en: 'No event has the address "{slug}".' },
  },
  EVENT_SLUG_TAKEN: {
    status: 409,
    title: { fr: 'Adresse déjà prise', en: 'Address already taken' },
    detail: { fr: "Un événement utilise déjà l'adresse « {slug} ».", en: 'An event already uses the address "{slug}".' },
  },
  INVALID_EVENT_DATES: {
    status: 400,
    title: { fr: 'Dates incohérentes', en: 'Inconsistent dates' },
    detail: { fr: "La fin doit suivre le début.", en: 'The end must come after the start.' },
  },
  EVENT_ARCHIVED: {
    status: 409,
    title: { fr: 'Événement archivé', en: 'Event archived' },
    detail: { fr: "L'événement « {slug} » est archivé : il ne change plus.", en: 'The event "{slug}" is archived: it no longer changes.' },
  },
  INVALID_QUESTIONS: {
    status: 400,
    title: { fr: 'Questions du formulaire incohérentes', en: 'Inconsistent form questions' },
    detail: { fr: 'Chaque question a un identifiant distinct ; seules les questions à choix ont des choix.', en: 'Each question has a distinct id; only choice questions have choices.' },
  },
  ROOM_NOT_FOUND: {
    status: 404,
    title: { fr: 'Salle introuvable', en: 'Room not found' },
  },
  ROOM_NAME_TAKEN: {
    status: 409,
    title: { fr: 'Nom de salle déjà pris', en: 'Room name already taken' },
    detail: { fr: 'Une salle de cet événement s’appelle déjà « {name} ».', en: 'A room of this event is already called "{name}".' },
  },
  TRACK_NOT_FOUND: {
    status: 404,
    title: { fr: 'Parcours introuvable', en: 'Track not found' },
  },
});
export type EventErrorCode = keyof typeof EVENT_ERRORS;
export const EventError = errorClass<EventErrorCode>('EventError', EVENT_ERRORS);
