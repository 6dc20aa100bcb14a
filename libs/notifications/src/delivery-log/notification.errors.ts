import { defineErrors, errorClass } from '@palabre/platform';
import catalog from './notification.errors.json';

export const NOTIFICATION_ERRORS = defineErrors(catalog);
export type NotificationErrorCode = keyof typeof NOTIFICATION_ERRORS;
export const NotificationError = errorClass<NotificationErrorCode>('NotificationError', NOTIFICATION_ERRORS);
export type NotificationError = InstanceType<typeof NotificationError>;
