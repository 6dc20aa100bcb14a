import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { Clock, SystemClock } from './clock';
import { DatabaseModule } from './database/database.module';
import { MailModule } from './mail/mail.module';
import { SmsModule } from './sms/sms.module';
import { MetricsService } from './health/metrics.service';
import { HealthService } from './health/health.service';
import { JobRun } from './jobs/job-run.entity';
import { JobRunner } from './jobs/job-runner';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { AuditModule } from './audit/audit.module';
import { PublicCacheModule } from './http/public-cacheable';
import { AfterCommit } from './events/after-commit';
import { DomainEvents } from './events/domain-events';
import { DomainEventsRelayHost } from './events/domain-events-relay';
import { DataSource } from 'typeorm';
import { StorageModule } from './storage/storage.module';

export interface PlatformOptions {
  config: AppConfig;
  /** The PostgreSQL that the process opened (see openDatabase). */
  databaseUrl: string;
  clock?: Clock;
  /** Other processes may use this database (a server): facts that keep a process's caches up to date are relayed between them (DomainEventsRelay). */
  shared?: boolean;
}

/** Config, database, mail transport, clock, metrics, background jobs, rate limits, the audit log and domain events: what every context stands on. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(options.config),
        DatabaseModule.forRoot(options.databaseUrl),
        TypeOrmModule.forFeature([JobRun]),
        MailModule,
        SmsModule,
        RateLimitModule,
        AuditModule,
        PublicCacheModule,
        StorageModule,
      ],
      providers: [
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        MetricsService,
        HealthService,
        JobRunner,
        AfterCommit,
        DomainEvents,
        {
          provide: DomainEventsRelayHost,
          useFactory: (dataSource: DataSource, events: DomainEvents) =>
            new DomainEventsRelayHost(options.shared ? options.databaseUrl : undefined, dataSource, events),
          inject: [DataSource, DomainEvents],
        },
      ],
      exports: [Clock, MetricsService, HealthService, JobRunner, AfterCommit, DomainEvents, RateLimitModule, AuditModule, PublicCacheModule],
    };
  }
}
