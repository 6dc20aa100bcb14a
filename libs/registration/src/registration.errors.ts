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
  REGISTRATION_WITHOUT_PHONE: problem(409, 'Pas de téléphone', 'No phone', {
    fr: 'Cette inscription n’a pas de numéro de téléphone : aucun SMS ne peut être envoyé.',
    en: 'This registration has no phone number: no SMS can be sent.',
  }),
  SMS_CODE_WRONG: problem(400, 'Code incorrect', 'Wrong code', {
    fr: 'Ce code ne correspond pas : encore {attemptsLeft} essai(s).',
    en: 'This code does not match: {attemptsLeft} attempt(s) left.',
  }),
  SMS_CODE_LOCKED: problem(429, 'Trop d’essais', 'Too many attempts', {
    fr: 'Ce code est bloqué après cinq essais. Inscrivez-vous à nouveau avec le même numéro pour en recevoir un autre, ou ouvrez le lien du SMS.',
    en: 'This code is locked after five attempts. Register again with the same number to get another, or open the link in the text.',
  }),
  SMS_CODE_EXPIRED: problem(410, 'Code expiré', 'Code expired', {
    fr: 'Ce code n’est plus valable (dix minutes, une seule fois). Inscrivez-vous à nouveau avec le même numéro pour en recevoir un autre, ou ouvrez le lien du SMS.',
    en: 'This code is no longer valid (ten minutes, once). Register again with the same number to get another, or open the link in the text.',
  }),
  SMS_CODE_NOT_FOUND: problem(404, 'Code introuvable', 'Code not found'),
  EVENT_NOT_OVER: problem(409, 'Événement non terminé', 'Event not over', {
    fr: 'Les inscriptions ne peuvent être anonymisées qu’après la fin de l’événement.',
    en: 'Registrations can only be anonymized after the event has ended.',
  }),
});
export type RegistrationErrorCode = keyof typeof REGISTRATION_ERRORS;
export const RegistrationError = errorClass<RegistrationErrorCode>('RegistrationError', REGISTRATION_ERRORS);
