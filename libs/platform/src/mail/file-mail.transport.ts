import { Logger } from '@nestjs/common';
import { mkdir } from 'node:fs/promises';
import * as nodemailer from 'nodemailer';
import { MailTransport, OutgoingMail, SendResult } from './mail-transport';
import { writeSpoolFile } from './spool-file';
import { toNodemailer } from './to-nodemailer';

/**
 * Writes each message as an .eml file and logs one line with recipient and subject — and, as
 * a development aid, its links (they may sign in: never under NODE_ENV=production).
 */
export class FileMailTransport extends MailTransport {
  readonly name = 'file';
  private readonly logger = new Logger('Mail');
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    private readonly dir: string,
    private readonly from: string,
    private readonly logLinks = false,
  ) {
    super();
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    const info = (await this.composer.sendMail(toNodemailer(mail, this.from))) as unknown as { message: Buffer };
    const id = mail.messageId.replace(/[<>]/g, '').replace(/[^\w.@-]/g, '_');
    const file = await writeSpoolFile(this.dir, `${id}.eml`, info.message);
    this.logger.log({ to: mail.to, subject: mail.subject, ...(this.logLinks ? { links: mail.links ?? [] } : {}), file }, `mail to ${mail.to}: ${mail.subject}`);
    return { response: `written ${file}` };
  }

  async verify(): Promise<boolean> {
    await mkdir(this.dir, { recursive: true });
    return true;
  }
}
