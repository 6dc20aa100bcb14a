import { Logger } from '@nestjs/common';
import { writeSpoolFile } from '../mail/spool-file';
import { OutgoingSms, SmsSendResult, SmsTransport } from './sms-transport';

/**
 * Writes each text as one file (recipient, then the text) under the data directory and logs
 * one line with the recipient — and, as a development aid, the text's links (they open a
 * registration: never under NODE_ENV=production).
 */
export class FileSmsTransport extends SmsTransport {
  readonly name = 'file';
  private readonly logger = new Logger('Sms');

  constructor(
    private readonly dir: string,
    private readonly from: string,
    private readonly logLinks = false,
  ) {
    super();
  }

  async send(sms: OutgoingSms): Promise<SmsSendResult> {
    const file = await writeSpoolFile(this.dir, `${sms.id.replace(/[^\w-]/g, '_')}.txt`, `To: ${sms.to}\nFrom: ${this.from}\n\n${sms.text}\n`);
    this.logger.log({ to: sms.to, ...(this.logLinks ? { links: sms.links ?? [] } : {}), file }, `sms to ${sms.to}`);
    return { response: `written ${file}`, providerId: `file:${sms.id}` };
  }
}
