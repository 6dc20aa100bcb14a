import { Logger } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
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
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${sms.id.replace(/[^\w-]/g, '_')}.txt`);
    // Write then rename, so a reader never sees half a message.
    await writeFile(file + '.tmp', `To: ${sms.to}\nFrom: ${this.from}\n\n${sms.text}\n`);
    await rename(file + '.tmp', file);
    this.logger.log({ to: sms.to, ...(this.logLinks ? { links: sms.links ?? [] } : {}), file }, `sms to ${sms.to}`);
    return { response: `written ${file}`, providerId: `file:${sms.id}` };
  }
}
