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
  SMS_REPORT_UNAUTHORIZED: problem(401, 'Accusé de réception sans secret', 'Delivery report without its secret', {
    fr: 'Un accusé de réception doit porter le secret convenu (en-tête X-Report-Secret, ou ?secret=).',
    en: 'A delivery report must carry the agreed secret (X-Report-Secret header, or ?secret=).',
  }),
  SMS_REPORT_FORBIDDEN: problem(403, 'Accusé de réception refusé', 'Delivery report refused', {
    fr: 'Le secret de cet accusé de réception ne correspond pas.',
    en: 'This delivery report’s secret does not match.',
  }),
  SMS_REPORT_UNREADABLE: problem(400, 'Accusé de réception illisible', 'Unreadable delivery report', {
    fr: 'Attendu : { "id" ou "to", "status" }, ou la notification deliveryInfoNotification d’Orange.',
    en: 'Expected: { "id" or "to", "status" }, or Orange’s deliveryInfoNotification.',
  }),
});
export type NotificationErrorCode = keyof typeof NOTIFICATION_ERRORS;
export const NotificationError = errorClass<NotificationErrorCode>('NotificationError', NOTIFICATION_ERRORS);
export type NotificationError = InstanceType<typeof NotificationError>;
