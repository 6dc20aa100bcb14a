import { defineErrors, errorClass, problem } from '@palabre/platform';

export const REGISTRATION_ERRORS = defineErrors({
  REGISTRATION_CLOSED: problem(409, 'Inscriptions fermées', 'Registration closed', {
    fr: 'Les inscriptions à cet événement ne sont pas ouvertes.',
    en: 'Registration for this event is not open.',
  }),
  REGISTRATION_NOT_FOUND: problem(404, 'Inscription introuvable', 'Registration not found'),
  REGISTRATION_CANCELLED: problem(409, 'Inscription annulée', 'Registration cancelled', {
    fr: 'Cette inscription a été annulée.',
    en: 'This registration was cancelled.',
  }),
  REGISTRATION_NOT_ACTIVE: problem(409, 'Inscription sans place', 'Registration without a seat', {
    fr: 'Les ateliers se choisissent une fois la place à l’événement obtenue.',
    en: 'Workshops are chosen once you hold a seat at the event.',
  }),
  ALREADY_REGISTERED: problem(409, 'Déjà inscrit·e', 'Already registered', {
    fr: 'Cette personne est déjà inscrite (référence {reference}).',
    en: 'This person is already registered (reference {reference}).',
  }),
  INVALID_WORKSHOPS: problem(400, 'Ateliers invalides', 'Invalid workshops'),
  WORKSHOPS_OVERLAP: problem(409, 'Ateliers simultanés', 'Workshops overlap', {
    fr: '« {first} » et « {second} » ont lieu en même temps.',
    en: '“{first}” and “{second}” take place at the same time.',
  }),
  IDEMPOTENCY_KEY_IN_FLIGHT: problem(409, 'Requête déjà en cours', 'Request already in progress', {
    fr: 'Une requête avec la même clé Idempotency-Key est en cours : réessayez dans un instant.',
    en: 'A request with the same Idempotency-Key is in progress: retry in a moment.',
  }),
  IDEMPOTENCY_KEY_REUSED: problem(422, 'Clé Idempotency-Key réutilisée', 'Idempotency-Key reused', {
    fr: 'Cette clé Idempotency-Key a déjà servi pour une autre requête.',
    en: 'This Idempotency-Key was already used for another request.',
  }),
  REGISTRATION_WITHOUT_EMAIL: problem(409, 'Pas d’adresse e-mail', 'No email address', {
    fr: 'Cette inscription n’a pas d’adresse e-mail : le lien ne peut pas être envoyé.',
    en: 'This registration has no email address: the link cannot be sent.',
  }),
  EVENT_NOT_OVER: problem(409, 'Événement non terminé', 'Event not over', {
    fr: 'Les inscriptions ne peuvent être anonymisées qu’après la fin de l’événement.',
    en: 'Registrations can only be anonymized after the event has ended.',
  }),
});
export type RegistrationErrorCode = keyof typeof REGISTRATION_ERRORS;
export const RegistrationError = errorClass<RegistrationErrorCode>('RegistrationError', REGISTRATION_ERRORS);
