import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { AppConfig, BackgroundJob, MailPermanentError, MailTransport, MetricsService, OutgoingMail } from '@palabre/platform';
import { ClaimedMessage, OutboxRepository } from '../outbox/outbox.repository';
import { MailRenderer } from '../templates/mail-renderer';
import { RateLimiter } from './rate-limiter';
import { retryDelayMs } from './retry-policy';

export const OUTBOX_JOB = 'outbox';

export interface DeliverySummary {
  sent: number;
  retried: number;
  failed: number;
}

type Outcome = keyof DeliverySummary | 'lost';

/**
 * The worker's side of the outbox: claims due rows (a short UPDATE … SKIP LOCKED with a
 * lease), renders them, sends them concurrently through the transport's pool, and records
 * each outcome. No transaction is open while SMTP talks.
 */
@Injectable()
export class OutboxDelivery implements BackgroundJob {
  readonly name = OUTBOX_JOB;
  readonly intervalMs: number;
  private readonly logger = new Logger('Outbox');
  private readonly limiter?: RateLimiter;
  private readonly claimant = `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
  private readonly counters;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly renderer: MailRenderer,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    metrics: MetricsService,
  ) {
    this.intervalMs = config.outboxPollMs;
    if (config.mailRatePerMinute) this.limiter = new RateLimiter(config.mailRatePerMinute);
    this.counters = {
      sent: metrics.counter('palabre_mail_sent_total', 'Messages the mail transport accepted'),
      retried: metrics.counter('palabre_mail_retried_total', 'Failed sends scheduled for another try'),
      failed: metrics.counter('palabre_mail_failed_total', 'Messages given up on (permanent error or too many tries)'),
    };
  }

  /** One batch; the JobRunner calls it again at once while there is work. */
  async tick(): Promise<number> {
    return (await this.runBatch()).claimed;
  }

  /** Sends everything due now, waiting for the rate limit if there is one (the CLI's outbox:drain). */
  async drain(): Promise<DeliverySummary> {
    const total: DeliverySummary = { sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const limiter = this.limiter;
      if (limiter && limiter.available(1) === 0) {
        // Timers may fire a millisecond early: wait a little past the next token.
        await new Promise((resolve) => setTimeout(resolve, limiter.msUntilNext() + 2));
        continue;
      }
      const batch = await this.runBatch();
      total.sent += batch.sent;
      total.retried += batch.retried;
      total.failed += batch.failed;
      if (batch.claimed === 0) return total;
    }
  }

  private async runBatch(): Promise<DeliverySummary & { claimed: number }> {
    const summary = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    const size = this.limiter ? this.limiter.available(this.config.outboxBatchSize) : this.config.outboxBatchSize;
    if (size === 0) return summary;
    const rows = await this.outbox.claim(size, this.config.outboxLeaseSeconds, this.claimant);
    this.limiter?.take(rows.length);
    summary.claimed = rows.length;
    // The whole batch goes at once: the transport's pool spreads it over its connections.
    const outcomes = await Promise.all(rows.map((row) => this.deliver(row)));
    for (const o of outcomes) if (o !== 'lost') summary[o] += 1;
    return summary;
  }

  private async deliver(row: ClaimedMessage): Promise<Outcome> {
    let mail: OutgoingMail;
    try {
      mail = this.renderer.render(row);
    } catch (error) {
      return this.giveUp(row, `render: ${(error as Error).message}`);
    }
    let response: string;
    try {
      response = (await this.transport.send(mail)).response;
    } catch (error) {
      const reason = (error as Error).message || String(error);
      if (error instanceof MailPermanentError) return this.giveUp(row, reason);
      // Anything else (4xx, timeouts, refused connections, a full disk) may pass on a later try.
      if (row.attempts >= this.config.outboxMaxAttempts) return this.giveUp(row, `${reason} (after ${row.attempts} attempts)`);
      const delay = retryDelayMs(row.attempts, this.config.outboxRetryBaseMs);
      if (!(await this.outbox.scheduleRetry(row.id, this.claimant, delay, reason))) return 'lost';
      this.counters.retried.inc();
      this.logger.warn({ messageId: row.messageId, template: row.template, attempts: row.attempts, retryInMs: delay, err: reason }, `mail to ${row.recipient} not sent; retrying`);
      return 'retried';
    }
    // Recorded outside the try above: a database error here must not turn a sent message into a retry.
    await this.outbox.markSent(row.id, response);
    this.counters.sent.inc();
    return 'sent';
  }

  private async giveUp(row: ClaimedMessage, reason: string): Promise<Outcome> {
    if (!(await this.outbox.markFailed(row.id, this.claimant, reason))) return 'lost';
    this.counters.failed.inc();
    this.logger.error({ messageId: row.messageId, template: row.template, attempts: row.attempts, err: reason }, `mail to ${row.recipient} failed`);
    return 'failed';
  }
}
