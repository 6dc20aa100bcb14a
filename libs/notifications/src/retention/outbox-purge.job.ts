import { AppConfig, Job, Clock, ScheduledJob, DAY_MS } from '@palabre/platform';
import { OutboxRepository } from '../outbox/outbox.repository';
import { SmsLimits } from '../sms/sms-limits';

export const OUTBOX_PURGE_JOB = 'outbox-purge';

/** Rows deleted per statement: a short transaction each, however much there is to purge. */
const PURGE_BATCH = 1000;

/**
 * Deletes sent messages older than OUTBOX_RETENTION_DAYS (their addresses and contents need
 * not be kept for ever); their number stays in the per-day counts the delivery log adds up.
 * Queued and failed messages stay, whatever their age: someone may still act on them.
 */
@Job(OUTBOX_PURGE_JOB, { intervalMs: 60 * 60_000 })
export class OutboxPurge extends ScheduledJob {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly smsLimits: SmsLimits,
  ) {
    super();
  }

  /** One batch; the runner calls again at once while there was something to purge. The SMS counters of past windows go too. */
  async tick(): Promise<number> {
    const purged = await this.outbox.purgeSent(new Date(this.clock.now().getTime() - this.config.outboxRetentionDays * DAY_MS), PURGE_BATCH);
    return purged + (await this.smsLimits.sweep());
  }
}
