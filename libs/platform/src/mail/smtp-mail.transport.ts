import * as nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { classifyMailError, MailTransport, OutgoingMail, SendResult } from './mail-transport';
import { toNodemailer } from './to-nodemailer';

/** Sends through an SMTP relay with nodemailer's pooled transport. */
export class SmtpMailTransport extends MailTransport {
  readonly name = 'smtp';
  private readonly transporter: Transporter;

  constructor(
    url: string,
    private readonly from: string,
    options: { maxConnections?: number; timeoutMs?: number } = {},
  ) {
    super();
    const timeout = options.timeoutMs ?? 15_000;
    this.transporter = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: options.maxConnections ?? 5,
      maxMessages: 1000,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 2,
      // A local relay in development often has a self-signed certificate.
      tls: { rejectUnauthorized: false },
    } as nodemailer.TransportOptions);
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    try {
      const info = (await this.transporter.sendMail(toNodemailer(mail, this.from))) as { response?: string };
      return { response: info.response ?? 'sent' };
    } catch (error) {
      throw classifyMailError(error);
    }
  }

  async verify(): Promise<boolean> {
    try {
      await this.transporter.verify();
      return true;
    } catch {
      return false;
    }
  }

  override async close(): Promise<void> {
    this.transporter.close();
  }
}
