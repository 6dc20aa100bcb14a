import { defineErrors, errorClass, problem } from '@palabre/platform';

export const SPEAKER_ERRORS = defineErrors({
  SPEAKER_NOT_FOUND: problem(404, 'Intervenant introuvable', 'Speaker not found'),
  SPEAKER_EMAIL_MISSING: problem(422, 'Adresse e-mail manquante', 'Email address missing', {
    fr: "{name} n'a pas d'adresse e-mail : ajoutez-la au profil avant de l'inviter.",
    en: '{name} has no email address: add it to the profile before inviting them.',
  }),
  SPEAKER_IMPORT_NOT_FOUND: problem(404, 'Import introuvable', 'Import not found'),
  SPEAKER_IMPORT_CLOSED: problem(409, 'Import déjà terminé', 'Import already closed', {
    fr: 'Cet import est {status} : prévisualisez le fichier à nouveau.',
    en: 'This import is {statusEn}: preview the file again.',
  }),
  SPEAKER_IMPORT_UNREADABLE: problem(400, 'Fichier illisible', 'Unreadable file', {
    fr: '{reasonFr}',
    en: '{reasonEn}',
  }),
  SPEAKER_PROFILE_NOT_FOUND: problem(404, 'Aucun profil d’intervenant', 'No speaker profile', {
    fr: 'Aucun profil d’intervenant n’est lié à votre compte pour cet événement.',
    en: 'No speaker profile is linked to your account for this event.',
  }),
  SPEAKER_EVENT_REQUIRED: problem(400, 'Choisissez l’événement', 'Choose the event', {
    fr: 'Vous intervenez à plusieurs événements : précisez lequel (event).',
    en: 'You speak at several events: say which one (event).',
  }),
  PHOTO_TOO_LARGE: problem(413, 'Photo trop lourde', 'Photo too large', {
    fr: 'La photo pèse plus de 5 Mo : envoyez une image plus légère.',
    en: 'The photo is larger than 5 MB: send a lighter image.',
  }),
  PHOTO_TOO_MANY_PIXELS: problem(413, 'Photo trop grande', 'Photo too big', {
    fr: 'L’image dépasse {maxMegapixels} millions de pixels : réduisez ses dimensions.',
    en: 'The image has more than {maxMegapixels} million pixels: make it smaller.',
  }),
  PHOTO_TYPE_UNSUPPORTED: problem(415, 'Format de photo non pris en charge', 'Photo format not supported', {
    fr: 'Envoyez une photo JPEG, PNG ou WebP.',
    en: 'Send a JPEG, PNG or WebP photo.',
  }),
});
export type SpeakerErrorCode = keyof typeof SPEAKER_ERRORS;
export const SpeakerError = errorClass<SpeakerErrorCode>('SpeakerError', SPEAKER_ERRORS);
