import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { AppConfig, BackgroundJob, MailPermanentError, MailTransport, MetricsService, SmsPermanentError, SmsTransport } from '@palabre/platform';
import { ClaimedMessage, OutboxRepository } from '../outbox/outbox.repository';
import { renderSms } from '../sms/sms-renderer';
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

/** How long one tick keeps topping up its window before it returns to the runner. */
const WINDOW_MS = 2000;
/** Sent rows are recorded together once this many are waiting, or after this long. */
const RECORD_GROUP = 20;
const RECORD_GATHER_MS = 10;

/**
 * The worker's side of the outbox: claims due rows (a short UPDATE … SKIP LOCKED with a
 * lease), renders them, sends them concurrently through the transport's pool, and records
 * each outcome. No transaction is open while SMTP talks.
 */
@Injectable()
export class OutboxDelivery implements BackgroundJob {
  readonly name = OUTBOX_JOB;
  readonly intervalMs: number;
  /** Workers deliver side by side: each message is leased by one claim (SKIP LOCKED), so no job-wide lock. */
  readonly sideBySide = true;
  private readonly logger = new Logger('Outbox');
  private readonly limiter?: RateLimiter;
  private readonly claimant = `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
  private readonly counters;
  private readonly unrecorded: { id: string; response: string; providerId?: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private recording = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly renderer: MailRenderer,
    private readonly transport: MailTransport,
    private readonly sms: SmsTransport,
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

  /**
   * Claims up to a batch and sends it; tops the window up with a new claim as soon as half of it
   * is done, so the pooled connections never idle while a batch's last messages finish. Each
   * claim stays one short statement; the window closes after a couple of seconds so that the
   * runner can stop between windows.
   */
  private async runBatch(): Promise<DeliverySummary & { claimed: number }> {
    const summary = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    const size = this.config.outboxBatchSize;
    const closesAt = Date.now() + WINDOW_MS;
    const inFlight = new Set<Promise<void>>();
    let failure: unknown;
    let more = true;
    while (more || inFlight.size > 0) {
      if (more && inFlight.size <= size / 2) {
        const want = this.limiter ? this.limiter.available(size - inFlight.size) : size - inFlight.size;
        let rows: ClaimedMessage[] = [];
        try {
          if (want > 0) rows = await this.outbox.claim(want, this.config.outboxLeaseSeconds, this.claimant);
        } catch (error) {
          failure ??= error;
        }
        this.limiter?.take(rows.length);
        summary.claimed += rows.length;
        // Fewer than asked means nothing else is due (or the rate limit is reached): finish what is in flight.
        if (failure !== undefined || rows.length < want || want === 0 || Date.now() >= closesAt) more = false;
        for (const row of rows) {
          const sending: Promise<void> = this.deliver(row).then(
            (outcome) => {
              inFlight.delete(sending);
              if (outcome !== 'lost') summary[outcome] += 1;
            },
            (error: unknown) => {
              // The database failed to record an outcome: stop claiming, let the others finish, then report.
              inFlight.delete(sending);
              failure ??= error;
              more = false;
            },
          );
          inFlight.add(sending);
        }
        if (rows.length > 0) continue;
      }
      if (inFlight.size > 0) await Promise.race(inFlight);
    }
    if (failure !== undefined) throw failure;
    return summary;
  }

  /** Renders the row for its channel: the transport's send, ready to call. */
  private prepare(row: ClaimedMessage): () => Promise<{ response: string; providerId?: string }> {
    if (row.channel === 'sms') {
      const sms = renderSms(row);
      return () => this.sms.send(sms);
    }
    const mail = this.renderer.render(row);
    return () => this.transport.send(mail);
  }

  private async deliver(row: ClaimedMessage): Promise<Outcome> {
    let send: () => Promise<{ response: string; providerId?: string }>;
    try {
      send = this.prepare(row);
    } catch (error) {
      return this.giveUp(row, `render: ${(error as Error).message}`);
    }
    let result: { response: string; providerId?: string };
    try {
      result = await send();
    } catch (error) {
      const reason = (error as Error).message || String(error);
      if (error instanceof MailPermanentError || error instanceof SmsPermanentError) return this.giveUp(row, reason);
      // Anything else (4xx, timeouts, refused connections, a full disk, a gateway down) may pass on a later try.
      if (row.attempts >= this.config.outboxMaxAttempts) return this.giveUp(row, `${reason} (after ${row.attempts} attempts)`);
      const delay = retryDelayMs(row.attempts, this.config.outboxRetryBaseMs);
      if (!(await this.outbox.scheduleRetry(row.id, this.claimant, delay, reason))) return 'lost';
      this.counters.retried.inc();
      this.logger.warn(
        { messageId: row.messageId, template: row.template, attempts: row.attempts, retryInMs: delay, err: reason },
        `${row.channel === 'sms' ? 'sms' : 'mail'} to ${row.recipient} not sent; retrying`,
      );
      return 'retried';
    }
    // Recorded outside the try above: a database error here must not turn a sent message into a retry.
    await this.recordSent(row.id, result.response, result.providerId);
    this.counters.sent.inc();
    return 'sent';
  }

  /**
   * Group commit: sent rows gather for a few milliseconds (and while the previous UPDATE runs)
   * and are recorded by one statement. A crash before the record only means a resend with the
   * same Message-ID.
   */
  private recordSent(id: string, response: string, providerId?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.unrecorded.push({ id, response, providerId, resolve, reject });
      if (!this.recording) void this.recordPending();
    });
  }

  private async recordPending(): Promise<void> {
    this.recording = true;
    while (this.unrecorded.length > 0) {
      // A few milliseconds of gathering turn a statement per message into one per handful.
      if (this.unrecorded.length < RECORD_GROUP) await new Promise((resolve) => setTimeout(resolve, RECORD_GATHER_MS));
      const group = this.unrecorded.splice(0, 500);
      try {
        await this.outbox.markSent(group);
        for (const g of group) g.resolve();
      } catch (error) {
        for (const g of group) g.reject(error);
      }
    }
    this.recording = false;
  }

  private async giveUp(row: ClaimedMessage, reason: string): Promise<Outcome> {
    if (!(await this.outbox.markFailed(row.id, this.claimant, reason))) return 'lost';
    this.counters.failed.inc();
    this.logger.error(
      { messageId: row.messageId, template: row.template, attempts: row.attempts, err: reason },
      `${row.channel === 'sms' ? 'sms' : 'mail'} to ${row.recipient} failed`,
    );
    return 'failed';
  }
}
