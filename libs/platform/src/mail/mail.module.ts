import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import * as path from 'node:path';
import { AppConfig } from '../config/app-config';
import { FileMailTransport } from './file-mail.transport';
import { MailTransport } from './mail-transport';
import { SmtpMailTransport } from './smtp-mail.transport';

export function createMailTransport(config: AppConfig): MailTransport {
  switch (config.mailTransport) {
    case 'smtp':
      return new SmtpMailTransport(config.smtpUrl!, config.mailFrom);
    case 'file':
      return new FileMailTransport(path.join(config.dataDir, 'mail'), config.mailFrom, config.env !== 'production');
  }
}

/** Provides the configured MailTransport (file or SMTP). */
@Global()
@Module({
  providers: [{ provide: MailTransport, inject: [AppConfig], useFactory: createMailTransport }],
  exports: [MailTransport],
})
export class MailModule implements OnApplicationShutdown {
  constructor(private readonly transport: MailTransport) {}
  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
