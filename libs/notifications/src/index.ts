export * from './notifications.module';
export { OutboxService } from './outbox/outbox.service';
export type { EnqueueMessage } from './outbox/outbox.service';
export type { TemplateDataMap, TemplateName, RegistrationMailData } from './templates/template-data';
