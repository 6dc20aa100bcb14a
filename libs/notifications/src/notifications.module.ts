import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthService, JobRunner } from '@palabre/platform';
import { OUTBOX_JOB, OutboxDelivery } from './delivery/outbox-delivery.job';
import { DeliveryLogService } from './delivery-log/delivery-log.service';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { OutboxSentCount } from './outbox/outbox-sent-count.entity';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxService } from './outbox/outbox.service';
import { OutboxPurge } from './retention/outbox-purge.job';
import { MailRenderer } from './templates/mail-renderer';
import { SmsCounter } from './sms/sms-counter.entity';
import { SmsDeliveryReports } from './sms/sms-delivery-reports';
import { SmsLimits } from './sms/sms-limits';
import { SmsLogService } from './sms/sms-log.service';

/** Readiness fails when the oldest due message has waited this long: mail is stuck, someone should look. */
export const OUTBOX_MAX_LAG_SECONDS = 15 * 60;

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage, OutboxSentCount, SmsCounter])],
  providers: [OutboxService, OutboxRepository, OutboxDelivery, OutboxPurge, MailRenderer, DeliveryLogService, SmsLimits, SmsLogService, SmsDeliveryReports],
  exports: [OutboxService, OutboxDelivery, MailRenderer, DeliveryLogService, SmsLogService, SmsDeliveryReports],
})
export class NotificationsModule implements OnModuleInit {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly runner: JobRunner,
    private readonly health: HealthService,
    private readonly delivery: OutboxDelivery,
    private readonly purge: OutboxPurge,
    private readonly outbox: OutboxRepository,
  ) {}

  onModuleInit(): void {
    // Registered in every process; only the worker (or the api when alone) starts the runner.
    this.runner.register(this.delivery);
    this.runner.register(this.purge);
    this.health.register('outbox', async () => {
      const lag = await this.outbox.lag();
      return { ok: lag.oldestDueAgeSeconds < OUTBOX_MAX_LAG_SECONDS, ...lag };
    });
    this.logger.debug(`outbox delivery registered (${OUTBOX_JOB})`);
  }
}
