import { Global, Module } from '@nestjs/common';
import * as path from 'node:path';
import { AppConfig } from '../config/app-config';
import { FileStorage, LocalFileStorage } from './file-storage';

/** Provides the FileStorage of uploads: `$DATA_DIR/media` on the local disk. */
@Global()
@Module({
  providers: [{ provide: FileStorage, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalFileStorage(path.join(config.dataDir, 'media')) }],
  exports: [FileStorage],
})
export class StorageModule {}
