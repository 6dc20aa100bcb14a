import { defineErrors, errorClass, problem } from '@palabre/platform';

export const NOTIFICATION_ERRORS = defineErrors({
  MAIL_NOT_FOUND: problem(404, 'Message introuvable', 'Message not found', {
    fr: "Aucun message de cette organisation ne porte l'identifiant « {id} ».",
    en: 'No message of this organization has the id "{id}".',
  }),
  MAIL_NOT_RESENDABLE: problem(409, 'Ce message ne peut pas être renvoyé', 'This message cannot be resent', {
    fr: 'Seul un message en échec peut être renvoyé ; celui-ci est « {status} ».',
    en: 'Only a failed message can be resent; this one is "{status}".',
  }),
  MAIL_LINK_REMOVED: problem(409, 'Le lien de ce message a été effacé', 'The link of this message was removed', {
    fr: 'Ce message portait un lien de connexion, effacé après l’échec de l’envoi : envoyez une nouvelle invitation ou demandez un nouveau lien.',
    en: 'This message carried a sign-in link, removed once sending failed: send a new invitation or ask for a new link.',
  }),
});
export type NotificationErrorCode = keyof typeof NOTIFICATION_ERRORS;
export const NotificationError = errorClass<NotificationErrorCode>('NotificationError', NOTIFICATION_ERRORS);
export type NotificationError = InstanceType<typeof NotificationError>;
