import { defineErrors, errorClass, problem } from '@palabre/platform';

export const EVENT_ERRORS = defineErrors({
  // The same answer for an unknown slug, a draft seen by the public and another organization's event.
  EVENT_NOT_FOUND: problem(404, 'Événement introuvable', 'Event not found', {
    fr: "Aucun événement ne porte l'adresse « {slug} ».",
    en: 'No event has the address "{slug}".',
  }),
  EVENT_SLUG_TAKEN: problem(409, 'Adresse déjà prise', 'Address already taken', {
    fr: "Un événement utilise déjà l'adresse « {slug} ».",
    en: 'An event already uses the address "{slug}".',
  }),
  INVALID_EVENT_DATES: problem(400, 'Dates incohérentes', 'Inconsistent dates', {
    fr: 'La fin doit suivre le début.',
    en: 'The end must come after the start.',
  }),
  EVENT_ARCHIVED: problem(409, 'Événement archivé', 'Event archived', {
    fr: "L'événement « {slug} » est archivé : il ne change plus.",
    en: 'The event "{slug}" is archived: it no longer changes.',
  }),
  INVALID_QUESTIONS: problem(400, 'Questions du formulaire incohérentes', 'Inconsistent form questions', {
    fr: 'Chaque question a un identifiant distinct ; seules les questions à choix ont des choix.',
    en: 'Each question has a distinct id; only choice questions have choices.',
  }),
  ROOM_NOT_FOUND: problem(404, 'Salle introuvable', 'Room not found'),
  ROOM_NAME_TAKEN: problem(409, 'Nom de salle déjà pris', 'Room name already taken', {
    fr: 'Une salle de cet événement s’appelle déjà « {name} ».',
    en: 'A room of this event is already called "{name}".',
  }),
  TRACK_NOT_FOUND: problem(404, 'Parcours introuvable', 'Track not found'),
});
export type EventErrorCode = keyof typeof EVENT_ERRORS;
export const EventError = errorClass<EventErrorCode>('EventError', EVENT_ERRORS);
