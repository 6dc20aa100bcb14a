import type { Locale } from '@palabre/platform';
import type { TemplateDataMap, TemplateName } from './template-data';

/**
 * What a message says, independent of its format: each template builds one, and the HTML
 * layout and the plain-text writer render the same content, so the two parts never disagree.
 * Every string here is plain text; the HTML renderer escapes it.
 */
export interface MailContent {
  subject: string;
  /** The line mail clients show after the subject. */
  preheader: string;
  /** Whose message this is: the event's name (or the organization's), shown at the top. */
  brand: string;
  heading: string;
  blocks: MailBlock[];
  /** Why the reader gets this message, in small print. */
  footer: string;
  attachments?: MailAttachment[];
}

export type MailBlock =
  | { kind: 'paragraph'; text: string }
  /** The message's main button. */
  | { kind: 'action'; label: string; href: string }
  /** A secondary link, on a line of its own. */
  | { kind: 'link'; label: string; href: string }
  | { kind: 'details'; rows: { label: string; value: string }[] }
  | { kind: 'list'; items: string[] };

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

/** What a template knows besides its data. */
export interface TemplateContext {
  locale: Locale;
  /** Base of the site's links, without a trailing slash. */
  publicUrl: string;
  /** The site's host name, for stable calendar UIDs. */
  host: string;
  /** When the message was queued: stable across resends (calendar DTSTAMP). */
  createdAt: Date;
}

export interface MailTemplate<T extends TemplateName> {
  compose(data: TemplateDataMap[T], ctx: TemplateContext): MailContent;
  /**
   * Fields that sign someone in (a link with its token). The outbox keeps them apart from the
   * rest of the data and removes them once the message is sent or given up on.
   */
  readonly secrets?: readonly (keyof TemplateDataMap[T] & string)[];
}

/** French first: picks the text for the locale. */
export function t(locale: Locale, fr: string, en: string): string {
  return locale === 'en' ? en : fr;
}

/** "Label : value" in French (with the space before the colon), "Label: value" in English. */
export function labelled(locale: Locale, label: string, value: string): string {
  return locale === 'en' ? `${label}: ${value}` : `${label} : ${value}`;
}
