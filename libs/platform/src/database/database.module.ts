import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { typeormOptions } from './typeorm-options';

/** TypeORM on the PostgreSQL that main.ts opened (a server or the embedded one). */
@Module({})
export class DatabaseModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ ...typeormOptions(url, config.databasePoolSize, config.databasePoolTimeoutMs), autoLoadEntities: true }),
        }),
      ],
    };
  }
}
