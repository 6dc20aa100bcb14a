import { defineErrors, errorClass } from './domain-error';

export const PLATFORM_ERRORS = defineErrors({
  VALIDATION_FAILED: {
    status: 400,
    title: { fr: 'La demande contient des erreurs', en: 'The request has errors' },
    detail: { fr: 'Corrigez les champs indiqués puis réessayez.', en: 'Correct the fields shown and try again.' },
  },
  MALFORMED_BODY: {
    status: 400,
    title: { fr: 'Le corps de la demande est illisible', en: 'The request body cannot be read' },
    detail: { fr: 'Le corps doit être un document JSON valide.', en: 'The body must be a valid JSON document.' },
  },
  MALFORMED_REQUEST: {
    status: 400,
    title: { fr: 'La demande est illisible', en: 'The request cannot be read' },
    detail: { fr: "La demande n'est pas du HTTP valide.", en: 'The request is not valid HTTP.' },
  },
  URI_TOO_LONG: { status: 414, title: { fr: "L'adresse est trop longue", en: 'The address is too long' } },
  HEADERS_TOO_LARGE: { status: 431, title: { fr: 'Les en-têtes de la demande sont trop volumineux', en: 'The request headers are too large' } },
  REQUEST_TIMEOUT: { status: 408, title: { fr: 'La demande a pris trop de temps', en: 'The request took too long' } },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    title: { fr: 'La demande est trop volumineuse', en: 'The request is too large' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: { fr: 'Type de contenu non pris en charge', en: 'Unsupported content type' },
  },
  NOT_FOUND: {
    status: 404,
    title: { fr: 'Introuvable', en: 'Not found' },
    detail: { fr: "Cette adresse ne correspond à rien.", en: 'Nothing is at this address.' },
  },
  METHOD_NOT_ALLOWED: { status: 405, title: { fr: 'Méthode non autorisée', en: 'Method not allowed' } },
  UNAUTHENTICATED: {
    status: 401,
    title: { fr: 'Connexion requise', en: 'Sign-in required' },
    detail: { fr: 'Connectez-vous pour continuer.', en: 'Sign in to continue.' },
  },
  FORBIDDEN: {
    status: 403,
    title: { fr: 'Action non autorisée', en: 'Not allowed' },
    detail: { fr: "Votre rôle ne permet pas cette action.", en: 'Your role does not allow this action.' },
  },
  CSRF_FAILED: {
    status: 403,
    title: { fr: 'Formulaire expiré', en: 'Form expired' },
    detail: { fr: 'Rechargez la page et réessayez.', en: 'Reload the page and try again.' },
  },
  RATE_LIMITED: {
    status: 429,
    title: { fr: 'Trop de demandes', en: 'Too many requests' },
    detail: { fr: 'Réessayez dans {retryAfter} secondes.', en: 'Try again in {retryAfter} seconds.' },
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: { fr: "Clé d'idempotence déjà utilisée", en: 'Idempotency key already used' },
    detail: { fr: 'Cette clé a servi à une autre demande.', en: 'This key was used for a different request.' },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    title: { fr: 'Service momentanément indisponible', en: 'Service temporarily unavailable' },
    detail: { fr: 'Réessayez dans quelques instants.', en: 'Try again in a moment.' },
  },
  INTERNAL: {
    status: 500,
    title: { fr: 'Erreur interne', en: 'Internal error' },
    detail: {
      fr: "Une erreur inattendue s'est produite. Référence : {requestId}.",
      en: 'An unexpected error occurred. Reference: {requestId}.',
    },
  },
});

export type PlatformErrorCode = keyof typeof PLATFORM_ERRORS;
export const PlatformError = errorClass<PlatformErrorCode>('PlatformError', PLATFORM_ERRORS);
export type PlatformError = InstanceType<typeof PlatformError>;
