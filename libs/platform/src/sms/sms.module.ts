import { Global, Module } from '@nestjs/common';
import * as path from 'node:path';
import { AppConfig } from '../config/app-config';
import { FileSmsTransport } from './file-sms.transport';
import { HttpSmsTransport } from './http-sms.transport';
import { OrangeSmsTransport } from './orange-sms.transport';
import { SmsTransport } from './sms-transport';

export function createSmsTransport(config: AppConfig): SmsTransport {
  const { sms } = config;
  switch (sms.transport) {
    case 'http':
      return new HttpSmsTransport(sms.http!, sms.from);
    case 'orange':
      return new OrangeSmsTransport(sms.orange!, sms.from);
    case 'file':
      return new FileSmsTransport(path.join(config.dataDir, 'sms'), sms.from, config.env !== 'production');
  }
}

/** Provides the configured SmsTransport (SMS_TRANSPORT: file, http or orange). */
@Global()
@Module({
  providers: [{ provide: SmsTransport, inject: [AppConfig], useFactory: createSmsTransport }],
  exports: [SmsTransport],
})
export class SmsModule {}
