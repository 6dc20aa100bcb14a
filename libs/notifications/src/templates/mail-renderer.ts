import { Injectable } from '@nestjs/common';
import { AppConfig, isLocale, Locale, OutgoingMail } from '@palabre/platform';
import { oneLine } from './format';
import { MailContent, TemplateContext } from './mail-content';
import { renderMailHtml, renderMailText } from './mail-layout';
import { isTemplateName, TEMPLATES } from './templates';
import type { TemplateDataMap, TemplateName } from './template-data';

/** A message that cannot be rendered will not render better later: it fails at once. */
export class MailRenderError extends Error {
  override readonly name = 'MailRenderError';
}

export interface RenderableMessage {
  template: string;
  locale: string;
  recipient: string;
  data: unknown;
  messageId: string;
  createdAt: Date;
}

/** Turns an outbox row into a message ready for the transport: subject, HTML, text, links, calendar. */
@Injectable()
export class MailRenderer {
  private readonly publicUrl: string;
  private readonly host: string;

  constructor(config: AppConfig) {
    this.publicUrl = config.publicUrl.replace(/\/+$/, '');
    this.host = new URL(config.publicUrl).hostname || 'palabre.local';
  }

  render(message: RenderableMessage): OutgoingMail {
    if (!isTemplateName(message.template)) throw new MailRenderError(`unknown template ${JSON.stringify(message.template)}`);
    const locale: Locale = isLocale(message.locale) ? message.locale : 'fr';
    let content: MailContent;
    try {
      content = this.compose(message.template, message.data as TemplateDataMap[TemplateName], {
        locale,
        publicUrl: this.publicUrl,
        host: this.host,
        createdAt: message.createdAt,
      });
    } catch (error) {
      throw new MailRenderError(`template ${message.template} cannot render its data: ${(error as Error).message}`);
    }
    const links = linksOf(content);
    const bad = links.find((l) => !isAbsoluteHttpUrl(l));
    // A link that is not an absolute http(s) URL would not work in a mail client, or worse (javascript:).
    if (bad !== undefined) throw new MailRenderError(`template ${message.template} has a link that is not an absolute http(s) URL: ${JSON.stringify(bad)}`);
    const subject = oneLine(content.subject);
    return {
      to: message.recipient,
      subject,
      text: renderMailText({ ...content, subject }, locale),
      html: renderMailHtml({ ...content, subject }, locale),
      messageId: message.messageId,
      headers: {
        // Asks autoresponders (out-of-office) not to answer (RFC 3834).
        'Auto-Submitted': 'auto-generated',
        'Content-Language': locale,
        'X-Palabre-Template': message.template,
      },
      attachments: content.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
      links,
    };
  }

  /** The content of a template, for previews and tests. */
  compose<T extends TemplateName>(template: T, data: TemplateDataMap[T], ctx: TemplateContext): MailContent {
    return TEMPLATES[template].compose(data, ctx);
  }
}

function linksOf(content: MailContent): string[] {
  const links: string[] = [];
  for (const block of content.blocks) {
    if ((block.kind === 'action' || block.kind === 'link') && !links.includes(block.href)) links.push(block.href);
  }
  return links;
}

function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !/[\s<>"]/.test(value);
  } catch {
    return false;
  }
}
