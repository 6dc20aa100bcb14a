import { defineErrors, errorClass } from '@palabre/platform';

/**
 * Conflict details name the other session in the reader's language: `{otherFr}` and
 * `{otherEn}` are its French and English titles, `{from}`/`{to}` its local times.
 */
export const PROGRAM_ERRORS = defineErrors({
  SESSION_NOT_FOUND: {
    status: 404,
    title: { fr: 'Session introuvable', en: 'Session not found' },
  },
  ROOM_DOUBLE_BOOKED: {
    status: 409,
    title: { fr: 'Salle déjà occupée', en: 'Room already booked' },
    detail: {
      fr: 'La salle « {room} » est déjà prise par « {otherFr} » le {day} de {from} à {to}.',
      en: 'The room "{room}" is already taken by "{otherEn}" on {day} from {from} to {to}.',
    },
  },
  SPEAKER_DOUBLE_BOOKED: {
    status: 409,
    title: { fr: 'Intervenant déjà pris', en: 'Speaker already booked' },
    detail: {
      fr: '{speaker} intervient déjà dans « {otherFr} » le {day} de {from} à {to}.',
      en: '{speaker} already takes part in "{otherEn}" on {day} from {from} to {to}.',
    },
  },
  SESSION_OUTSIDE_EVENT: {
    status: 422,
    title: { fr: "Session hors de l'événement", en: 'Session outside the event' },
    detail: {
      fr: "{whatFr} doit se tenir pendant l'événement, du {eventStart} au {eventEnd} ({timeZone}).",
      en: '{whatEn} must take place during the event, from {eventStart} to {eventEnd} ({timeZone}).',
    },
  },
  SESSION_LONGER_THAN_DAY: {
    status: 422,
    title: { fr: 'Session plus longue que sa journée', en: 'Session longer than its day' },
    detail: {
      fr: '{whatFr} doit tenir dans une journée : elle commence le {day} et se termine après minuit ({timeZone}).',
      en: '{whatEn} must fit in one day: it starts on {day} and ends after midnight ({timeZone}).',
    },
  },
  INVALID_SESSION_TIMES: {
    status: 400,
    title: { fr: 'Horaires incohérents', en: 'Inconsistent times' },
    detail: { fr: 'La fin de la session doit suivre son début.', en: 'The session must end after it starts.' },
  },
  UNKNOWN_ROOM: {
    status: 400,
    title: { fr: 'Salle inconnue', en: 'Unknown room' },
    detail: { fr: "Cette salle n'appartient pas à l'événement.", en: 'This room does not belong to the event.' },
  },
  UNKNOWN_TRACK: {
    status: 400,
    title: { fr: 'Parcours inconnu', en: 'Unknown track' },
    detail: { fr: "Ce parcours n'appartient pas à l'événement.", en: 'This track does not belong to the event.' },
  },
  UNKNOWN_SPEAKER: {
    status: 400,
    title: { fr: 'Intervenant inconnu', en: 'Unknown speaker' },
    detail: { fr: "Cet intervenant n'appartient pas à l'événement.", en: 'This speaker does not belong to the event.' },
  },
  PERSON_LISTED_TWICE: {
    status: 400,
    title: { fr: 'Personne citée deux fois', en: 'Person listed twice' },
    detail: { fr: 'Une personne tient un seul rôle dans une session.', en: 'A person holds one role in a session.' },
  },
  PANEL_INCOMPLETE: {
    status: 409,
    title: { fr: 'Panel incomplet', en: 'Incomplete panel' },
    detail: {
      fr: 'Le panel « {sessionFr} » doit avoir exactement un modérateur et au moins deux panélistes (il a {moderators} modérateur(s) et {panelists} panéliste(s)).',
      en: 'The panel "{sessionEn}" needs exactly one moderator and at least two panelists (it has {moderators} moderator(s) and {panelists} panelist(s)).',
    },
  },
  ROOM_IN_USE: {
    status: 409,
    title: { fr: 'Salle utilisée', en: 'Room in use' },
    detail: { fr: 'La session « {otherFr} » a lieu dans cette salle.', en: 'The session "{otherEn}" takes place in this room.' },
  },
  TRACK_IN_USE: {
    status: 409,
    title: { fr: 'Parcours utilisé', en: 'Track in use' },
    detail: { fr: 'La session « {otherFr} » appartient à ce parcours.', en: 'The session "{otherEn}" belongs to this track.' },
  },
  RELEASE_UNCHANGED: {
    status: 409,
    title: { fr: 'Rien à publier', en: 'Nothing to release' },
    detail: { fr: "Le programme n'a pas changé depuis la version {number}.", en: 'The program has not changed since release {number}.' },
  },
  RELEASE_EMPTY: {
    status: 409,
    title: { fr: 'Programme vide', en: 'Empty program' },
    detail: { fr: "Aucune session confirmée : il n'y a rien à publier.", en: 'No confirmed session: there is nothing to release.' },
  },
});
export type ProgramErrorCode = keyof typeof PROGRAM_ERRORS;
export const ProgramError = errorClass<ProgramErrorCode>('ProgramError', PROGRAM_ERRORS);
export type ProgramError = InstanceType<typeof ProgramError>;
