import { isLocale, Locale, OutgoingSms } from '@palabre/platform';
import { MailRenderError } from '../templates/mail-renderer';
import { countSegments, SegmentCount } from './segments';
import { composeSms, isSmsTemplateName, SmsTemplateDataMap, SmsTemplateName } from './sms-templates';

/** An SMS outbox row as the worker has it. */
export interface RenderableSms {
  id: string;
  template: string;
  locale: string;
  recipient: string;
  data: unknown;
}

/** Turns an SMS outbox row into the text a transport sends, and counts its segments. */
export function renderSms(message: RenderableSms): OutgoingSms & SegmentCount {
  if (!isSmsTemplateName(message.template)) throw new MailRenderError(`unknown SMS template ${JSON.stringify(message.template)}`);
  const locale: Locale = isLocale(message.locale) ? message.locale : 'fr';
  let text: string;
  try {
    text = composeSms(message.template, message.data as SmsTemplateDataMap[SmsTemplateName], locale);
  } catch (error) {
    throw new MailRenderError(`SMS template ${message.template} cannot render its data: ${(error as Error).message}`);
  }
  const links = text.match(/https?:\/\/\S+/g) ?? [];
  return { to: message.recipient, text, id: message.id, links, ...countSegments(text) };
}
