import type { SmsConfig } from '../config/app-config';
import { jsonField, OutgoingSms, postToGateway, SmsSendResult, SmsTransport } from './sms-transport';

/** A placeholder's value as the body's format needs it: inside a JSON string, or URL-encoded. */
function escapeFor(format: 'json' | 'form', value: string): string {
  return format === 'json' ? JSON.stringify(value).slice(1, -1) : encodeURIComponent(value);
}

/** The configured body with `{to}`, `{from}`, `{text}` and `{id}` filled in, each escaped for the format. */
export function gatewayBody(template: string, format: 'json' | 'form', values: Record<'to' | 'from' | 'text' | 'id', string>): string {
  return template.replace(/\{(to|from|text|id)\}/g, (_, key: keyof typeof values) => escapeFor(format, values[key]));
}

/**
 * A generic HTTP gateway (most West African aggregators take one POST per message): the
 * URL, an auth header, and a JSON or form body written from a template. The gateway's id of
 * the message is read from its JSON answer (`id`, `messageId` or `message_id`) when it gives one.
 */
export class HttpSmsTransport extends SmsTransport {
  readonly name = 'http';

  constructor(
    private readonly http: NonNullable<SmsConfig['http']>,
    private readonly from: string,
  ) {
    super();
  }

  async send(sms: OutgoingSms): Promise<SmsSendResult> {
    const headers: Record<string, string> = {
      'content-type': this.http.format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if (this.http.authHeader) headers[this.http.authHeader.name] = this.http.authHeader.value;
    const body = gatewayBody(this.http.body, this.http.format, { to: sms.to, from: this.from, text: sms.text, id: sms.id });
    const { status, text } = await postToGateway(this.http.url, { headers, body });
    const providerId = jsonField(text, 'id') ?? jsonField(text, 'messageId') ?? jsonField(text, 'message_id');
    return { response: `${status} ${text.slice(0, 200)}`.trim(), providerId };
  }
}
