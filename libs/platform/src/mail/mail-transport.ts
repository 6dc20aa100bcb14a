/** A message ready to go: rendered, addressed, with a stable Message-ID. */
export interface OutgoingMail {
  to: string;
  from?: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable across resends, so a duplicate after a crash is recognizable: `<id@host>`. */
  messageId: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
  /** Links in the message, logged by the file transport so a developer can click them (not in production). */
  links?: string[];
}

export interface SendResult {
  /** The server's answer (SMTP reply line, or the file written). */
  response: string;
}

/**
 * The mail port. Everything that sends mail goes through the outbox, which calls this.
 * Transient failures throw MailTransientError; permanent ones MailPermanentError.
 */
export abstract class MailTransport {
  abstract readonly name: string;
  abstract send(mail: OutgoingMail): Promise<SendResult>;
  abstract verify(): Promise<boolean>;
  async close(): Promise<void> {}
}

export class MailTransientError extends Error {}
export class MailPermanentError extends Error {}

/** SMTP answers 4xx are worth retrying; 5xx are not. Connection problems are transient. */
export function classifyMailError(error: unknown): MailTransientError | MailPermanentError {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const message = e?.message ?? String(error);
  if (typeof e?.responseCode === 'number' && e.responseCode >= 500) return new MailPermanentError(message);
  return new MailTransientError(message);
}
