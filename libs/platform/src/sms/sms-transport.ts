/** A text message ready to go: rendered, addressed (E.164), with our stable id. */
export interface OutgoingSms {
  /** E.164, e.g. `+22376000000`. */
  to: string;
  text: string;
  /** Our id of the message (the outbox row's), stable across retries: gateways that take a reference get it. */
  id: string;
  /** Links in the text, logged by the file transport so a developer can open them (not in production). */
  links?: string[];
}

export interface SmsSendResult {
  /** The gateway's answer, kept in the delivery log. */
  response: string;
  /** The gateway's id of the message, which its delivery reports name. */
  providerId?: string;
}

/**
 * The SMS port. Everything that sends a text goes through the outbox, which calls this.
 * Transient failures (network, 5xx, 429) throw SmsTransientError; permanent ones SmsPermanentError.
 */
export abstract class SmsTransport {
  abstract readonly name: string;
  abstract send(sms: OutgoingSms): Promise<SmsSendResult>;
}

export class SmsTransientError extends Error {}
export class SmsPermanentError extends Error {}

/** What an HTTP answer means for a retry: 408, 429 and 5xx may pass later; any other 4xx will not. */
export function httpSmsError(status: number, body: string): SmsTransientError | SmsPermanentError {
  const message = `HTTP ${status}${body ? `: ${body.slice(0, 300)}` : ''}`;
  return status >= 500 || status === 408 || status === 429 ? new SmsTransientError(message) : new SmsPermanentError(message);
}

/** A POST to a gateway: a refused connection or a timeout is transient, a non-2xx answer classified by its status. */
export async function postToGateway(
  url: string,
  init: { headers: Record<string, string>; body: string; timeoutMs?: number },
): Promise<{ status: number; text: string }> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal: AbortSignal.timeout(init.timeoutMs ?? 15_000) });
  } catch (error) {
    throw new SmsTransientError(`${new URL(url).host}: ${(error as Error).message}`);
  }
  const text = await res.text().catch(() => '');
  if (res.status < 200 || res.status >= 300) throw httpSmsError(res.status, text);
  return { status: res.status, text };
}

/** A JSON answer's field, when the answer is JSON and has it. */
export function jsonField(text: string, ...path: string[]): string | undefined {
  try {
    let value: unknown = JSON.parse(text);
    for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  } catch {
    return undefined;
  }
}
