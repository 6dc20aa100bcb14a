import { defineErrors, errorClass, problem } from './domain-error';

export const PLATFORM_ERRORS = defineErrors({
  VALIDATION_FAILED: problem(400, 'La demande contient des erreurs', 'The request has errors', {
    fr: 'Corrigez les champs indiqués puis réessayez.',
    en: 'Correct the fields shown and try again.',
  }),
  MALFORMED_BODY: problem(400, 'Le corps de la demande est illisible', 'The request body cannot be read', {
    fr: 'Le corps doit être un document JSON valide.',
    en: 'The body must be a valid JSON document.',
  }),
  MALFORMED_REQUEST: problem(400, 'La demande est illisible', 'The request cannot be read', {
    fr: "La demande n'est pas du HTTP valide.",
    en: 'The request is not valid HTTP.',
  }),
  URI_TOO_LONG: problem(414, "L'adresse est trop longue", 'The address is too long'),
  HEADERS_TOO_LARGE: problem(431, 'Les en-têtes de la demande sont trop volumineux', 'The request headers are too large'),
  REQUEST_TIMEOUT: problem(408, 'La demande a pris trop de temps', 'The request took too long'),
  PAYLOAD_TOO_LARGE: problem(413, 'La demande est trop volumineuse', 'The request is too large'),
  UNSUPPORTED_MEDIA_TYPE: problem(415, 'Type de contenu non pris en charge', 'Unsupported content type'),
  NOT_FOUND: problem(404, 'Introuvable', 'Not found', { fr: 'Cette adresse ne correspond à rien.', en: 'Nothing is at this address.' }),
  METHOD_NOT_ALLOWED: problem(405, 'Méthode non autorisée', 'Method not allowed'),
  UNAUTHENTICATED: problem(401, 'Connexion requise', 'Sign-in required', { fr: 'Connectez-vous pour continuer.', en: 'Sign in to continue.' }),
  FORBIDDEN: problem(403, 'Action non autorisée', 'Not allowed', { fr: 'Votre rôle ne permet pas cette action.', en: 'Your role does not allow this action.' }),
  CSRF_FAILED: problem(403, 'Formulaire expiré', 'Form expired', { fr: 'Rechargez la page et réessayez.', en: 'Reload the page and try again.' }),
  RATE_LIMITED: problem(429, 'Trop de demandes', 'Too many requests', {
    fr: 'Réessayez dans {retryAfter} secondes.',
    en: 'Try again in {retryAfter} seconds.',
  }),
  IDEMPOTENCY_KEY_REUSED: problem(422, "Clé d'idempotence déjà utilisée", 'Idempotency key already used', {
    fr: 'Cette clé a servi à une autre demande.',
    en: 'This key was used for a different request.',
  }),
  SERVICE_UNAVAILABLE: problem(503, 'Service momentanément indisponible', 'Service temporarily unavailable', {
    fr: 'Réessayez dans quelques instants.',
    en: 'Try again in a moment.',
  }),
  INTERNAL: problem(500, 'Erreur interne', 'Internal error', {
    fr: "Une erreur inattendue s'est produite. Référence : {requestId}.",
    en: 'An unexpected error occurred. Reference: {requestId}.',
  }),
});

export type PlatformErrorCode = keyof typeof PLATFORM_ERRORS;
export const PlatformError = errorClass<PlatformErrorCode>('PlatformError', PLATFORM_ERRORS);
export type PlatformError = InstanceType<typeof PlatformError>;
