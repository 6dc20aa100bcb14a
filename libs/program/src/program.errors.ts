import { defineErrors, errorClass, problem } from '@palabre/platform';

/**
 * Conflict details name the other session in the reader's language: `{otherFr}` and
 * `{otherEn}` are its French and English titles, `{from}`/`{to}` its local times.
 */
export const PROGRAM_ERRORS = defineErrors({
  SESSION_NOT_FOUND: problem(404, 'Session introuvable', 'Session not found'),
  ROOM_DOUBLE_BOOKED: problem(409, 'Salle déjà occupée', 'Room already booked', {
    fr: 'La salle « {room} » est déjà prise par « {otherFr} » le {day} de {from} à {to}.',
    en: 'The room "{room}" is already taken by "{otherEn}" on {day} from {from} to {to}.',
  }),
  SPEAKER_DOUBLE_BOOKED: problem(409, 'Intervenant déjà pris', 'Speaker already booked', {
    fr: '{speaker} intervient déjà dans « {otherFr} » le {day} de {from} à {to}.',
    en: '{speaker} already takes part in "{otherEn}" on {day} from {from} to {to}.',
  }),
  SESSION_OUTSIDE_EVENT: problem(422, "Session hors de l'événement", 'Session outside the event', {
    fr: "{whatFr} doit se tenir pendant l'événement, du {eventStart} au {eventEnd} ({timeZone}).",
    en: '{whatEn} must take place during the event, from {eventStart} to {eventEnd} ({timeZone}).',
  }),
  SESSION_LONGER_THAN_DAY: problem(422, 'Session plus longue que sa journée', 'Session longer than its day', {
    fr: '{whatFr} doit tenir dans une journée : elle commence le {day} et se termine après minuit ({timeZone}).',
    en: '{whatEn} must fit in one day: it starts on {day} and ends after midnight ({timeZone}).',
  }),
  INVALID_SESSION_TIMES: problem(400, 'Horaires incohérents', 'Inconsistent times', {
    fr: 'La fin de la session doit suivre son début.',
    en: 'The session must end after it starts.',
  }),
  UNKNOWN_ROOM: problem(400, 'Salle inconnue', 'Unknown room', {
    fr: "Cette salle n'appartient pas à l'événement.",
    en: 'This room does not belong to the event.',
  }),
  UNKNOWN_TRACK: problem(400, 'Parcours inconnu', 'Unknown track', {
    fr: "Ce parcours n'appartient pas à l'événement.",
    en: 'This track does not belong to the event.',
  }),
  UNKNOWN_SPEAKER: problem(400, 'Intervenant inconnu', 'Unknown speaker', {
    fr: "Cet intervenant n'appartient pas à l'événement.",
    en: 'This speaker does not belong to the event.',
  }),
  PERSON_LISTED_TWICE: problem(400, 'Personne citée deux fois', 'Person listed twice', {
    fr: 'Une personne tient un seul rôle dans une session.',
    en: 'A person holds one role in a session.',
  }),
  PANEL_INCOMPLETE: problem(409, 'Panel incomplet', 'Incomplete panel', {
    fr: 'Le panel « {sessionFr} » doit avoir exactement un modérateur et au moins deux panélistes (il a {moderators} modérateur(s) et {panelists} panéliste(s)).',
    en: 'The panel "{sessionEn}" needs exactly one moderator and at least two panelists (it has {moderators} moderator(s) and {panelists} panelist(s)).',
  }),
  ROOM_IN_USE: problem(409, 'Salle utilisée', 'Room in use', {
    fr: 'La session « {otherFr} » a lieu dans cette salle.',
    en: 'The session "{otherEn}" takes place in this room.',
  }),
  TRACK_IN_USE: problem(409, 'Parcours utilisé', 'Track in use', {
    fr: 'La session « {otherFr} » appartient à ce parcours.',
    en: 'The session "{otherEn}" belongs to this track.',
  }),
  RELEASE_UNCHANGED: problem(409, 'Rien à publier', 'Nothing to release', {
    fr: "Le programme n'a pas changé depuis la version {number}.",
    en: 'The program has not changed since release {number}.',
  }),
  RELEASE_EMPTY: problem(409, 'Programme vide', 'Empty program', {
    fr: "Aucune session confirmée : il n'y a rien à publier.",
    en: 'No confirmed session: there is nothing to release.',
  }),
});
export type ProgramErrorCode = keyof typeof PROGRAM_ERRORS;
export const ProgramError = errorClass<ProgramErrorCode>('ProgramError', PROGRAM_ERRORS);
export type ProgramError = InstanceType<typeof ProgramError>;
