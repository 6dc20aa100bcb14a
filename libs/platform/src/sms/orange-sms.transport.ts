import type { SmsConfig } from '../config/app-config';
import { jsonField, OutgoingSms, postToGateway, SmsPermanentError, SmsSendResult, SmsTransientError, SmsTransport } from './sms-transport';

/** A token is renewed this long before Orange says it expires. */
const TOKEN_MARGIN_MS = 60_000;

/**
 * Orange's SMS API (Africa and Middle East), from its public documentation: an OAuth 2.0
 * client-credentials token (`POST /oauth/v3/token`, valid an hour, kept and renewed), then
 * `POST /smsmessaging/v1/outbound/tel%3A%2B{sender}/requests` per message. Orange's id of the
 * message is the last part of the `resourceURL` it answers.
 */
export class OrangeSmsTransport extends SmsTransport {
  readonly name = 'orange';
  private token: { value: string; until: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly orange: NonNullable<SmsConfig['orange']>,
    private readonly senderName: string,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  async send(sms: OutgoingSms): Promise<SmsSendResult> {
    try {
      return await this.post(sms, await this.accessToken());
    } catch (error) {
      // A token revoked before its time: one new token, one more try.
      if (!(error instanceof SmsPermanentError) || !/^HTTP 401/.test(error.message)) throw error;
      this.token = null;
      return this.post(sms, await this.accessToken());
    }
  }

  private async post(sms: OutgoingSms, token: string): Promise<SmsSendResult> {
    const sender = `tel:+${this.orange.sender}`;
    const { status, text } = await postToGateway(`${this.orange.baseUrl}/smsmessaging/v1/outbound/${encodeURIComponent(sender)}/requests`, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        outboundSMSMessageRequest: {
          address: `tel:${sms.to}`,
          senderAddress: sender,
          // A sender name must be registered with Orange; a number is sent as is.
          ...(/^\+?\d+$/.test(this.senderName) ? {} : { senderName: this.senderName }),
          outboundSMSTextMessage: { message: sms.text },
        },
      }),
    });
    const resource = jsonField(text, 'outboundSMSMessageRequest', 'resourceURL');
    return { response: `${status} ${resource ?? ''}`.trim(), providerId: resource?.split('/').pop() };
  }

  /** One token for every message while it lasts; concurrent sends wait for the same request. */
  private accessToken(): Promise<string> {
    if (this.token && this.token.until > this.now()) return Promise.resolve(this.token.value);
    this.pending ??= this.fetchToken().finally(() => (this.pending = null));
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const basic = Buffer.from(`${this.orange.clientId}:${this.orange.clientSecret}`).toString('base64');
    const { text } = await postToGateway(`${this.orange.baseUrl}/oauth/v3/token`, {
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: 'grant_type=client_credentials',
    }).catch((error: unknown) => {
      // Credentials refused: nothing will pass until someone fixes them, but a later try costs nothing.
      throw error instanceof SmsPermanentError ? new SmsTransientError(`Orange token: ${error.message}`) : error;
    });
    const value = jsonField(text, 'access_token');
    if (!value) throw new SmsTransientError('Orange token: no access_token in the answer');
    const seconds = Number(jsonField(text, 'expires_in') ?? 3600);
    this.token = { value, until: this.now() + Math.max(0, seconds * 1000 - TOKEN_MARGIN_MS) };
    return value;
  }
}
