import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, Clock } from '@palabre/platform';
import { OutboxMessage } from './outbox-message.entity';
import type { OutboxChannel, OutboxStatus } from './outbox-status';

/** A row the worker holds, with what it needs to render and send it. */
export interface ClaimedMessage {
  id: string;
  channel: OutboxChannel;
  template: string;
  locale: string;
  recipient: string;
  data: unknown;
  messageId: string;
  /** Including this one. */
  attempts: number;
  createdAt: Date;
}

/** "Due": queued and its time has come, or leased by a worker whose lease ran out (it crashed). */
const DUE = `(status = 'queued' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now())`;

/** Set with a final status: the secret goes, and when it went is remembered (a row that had none keeps null). */
const REMOVE_SECRET = `secret = NULL, secret_removed_at = CASE WHEN m.secret IS NULL THEN m.secret_removed_at ELSE now() END`;

/** Every statement here is one autocommit statement: no transaction is held across SMTP. */
@Injectable()
export class OutboxRepository {
  /** Off only in a negative-control test, to show that the claim test sees double sends without it. */
  private readonly claimLock: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.claimLock = config.locks('outbox-claim') ? 'FOR UPDATE SKIP LOCKED' : '';
  }

  /**
   * Leases up to `limit` due rows to `claimant`. SKIP LOCKED lets workers claim side by side
   * without waiting for or taking each other's rows; the lease lets another take a row over
   * when its worker dies. Counting the attempt here means a message that kills its worker
   * every time still ends up failed. The secret is merged back for rendering: a retry and a
   * takeover send the same link.
   */
  async claim(limit: number, leaseSeconds: number, claimant: string): Promise<ClaimedMessage[]> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows] = await this.dataSource.query<[ClaimedMessage[], number]>(
      `UPDATE outbox_messages AS m
          SET status = 'sending', attempts = m.attempts + 1, lease_until = now() + make_interval(secs => $2), claimed_by = $3
        WHERE m.id IN (SELECT id FROM outbox_messages WHERE ${DUE} ORDER BY next_attempt_at, created_at LIMIT $1 ${this.claimLock})
        RETURNING m.id, m.channel, m.template, m.locale, m.recipient, m.data || COALESCE(m.secret, '{}'::jsonb) AS data, m.message_id AS "messageId", m.attempts, m.created_at AS "createdAt"`,
      [limit, leaseSeconds, claimant],
    );
    return rows;
  }

  /**
   * Delivered is a fact: recorded whoever holds the row now (a worker that took it over sends
   * the same Message-ID). Many rows in one statement, since the worker records in groups. The
   * link it carried has reached its reader: the database need not keep it.
   */
  async markSent(sent: { id: string; response: string; providerId?: string }[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_messages AS m SET status = 'sent', sent_at = $3, response = v.response, provider_message_id = COALESCE(v.provider_id, m.provider_message_id),
              lease_until = NULL, claimed_by = NULL, ${REMOVE_SECRET}
         FROM unnest($1::uuid[], $2::text[], $4::text[]) AS v(id, response, provider_id)
        WHERE m.id = v.id AND m.status <> 'sent'`,
      // Dated by the clock, as the purge that reads it is (OUTBOX_RETENTION_DAYS).
      [sent.map((s) => s.id), sent.map((s) => s.response.slice(0, 1000)), this.clock.now(), sent.map((s) => s.providerId?.slice(0, 200) ?? null)],
    );
  }

  /**
   * A gateway's delivery report: the SMS it names (by the gateway's id, or else the latest one
   * sent to that number without a report yet) gets its delivery status; an undeliverable one
   * fails, so that the log shows it and it may be resent. Answers the message's id, or null.
   */
  async recordDeliveryReport(report: {
    providerId?: string;
    to?: string;
    status: 'delivered' | 'undelivered' | 'pending';
    detail: string;
  }): Promise<string | null> {
    const target = report.providerId
      ? `SELECT id FROM outbox_messages WHERE channel = 'sms' AND provider_message_id = $1 ORDER BY sent_at DESC NULLS LAST LIMIT 1`
      : `SELECT id FROM outbox_messages WHERE channel = 'sms' AND recipient = $1 AND status = 'sent' AND delivery_status IS DISTINCT FROM 'delivered'
          ORDER BY delivery_reported_at NULLS FIRST, sent_at DESC LIMIT 1`;
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE outbox_messages AS m SET delivery_status = $2, delivery_reported_at = $4,
              status = CASE WHEN $2 = 'undelivered' AND m.status = 'sent' THEN 'failed' ELSE m.status END,
              last_error = CASE WHEN $2 = 'undelivered' THEN $3 ELSE m.last_error END
        WHERE m.id = (${target}) RETURNING m.id`,
      [report.providerId ?? report.to, report.status, `delivery report: ${report.detail}`.slice(0, 1000), this.clock.now()],
    );
    return rows[0]?.id ?? null;
  }

  /** Only the claim that holds the row decides its fate; a stale worker's verdict is dropped. */
  async scheduleRetry(id: string, claimant: string, delayMs: number, error: string): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE outbox_messages SET status = 'queued', next_attempt_at = now() + make_interval(secs => $3), lease_until = NULL, claimed_by = NULL, last_error = $4
        WHERE id = $1 AND claimed_by = $2 AND status = 'sending'`,
      [id, claimant, delayMs / 1000, error.slice(0, 1000)],
    );
    return count > 0;
  }

  /** Given up on: nobody will receive its link, so the database keeps none either. */
  async markFailed(id: string, claimant: string, error: string): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE outbox_messages AS m SET status = 'failed', lease_until = NULL, claimed_by = NULL, last_error = $3, ${REMOVE_SECRET}
        WHERE id = $1 AND claimed_by = $2 AND status = 'sending'`,
      [id, claimant, error.slice(0, 1000)],
    );
    return count > 0;
  }

  /** How late the oldest due message is, for the readiness check. */
  async lag(): Promise<{ due: number; oldestDueAgeSeconds: number }> {
    const [row] = await this.dataSource.query<{ due: number; age: number }[]>(
      `SELECT count(*)::int AS due, COALESCE(EXTRACT(EPOCH FROM now() - min(next_attempt_at)), 0)::float8 AS age FROM outbox_messages WHERE ${DUE}`,
    );
    return { due: row.due, oldestDueAgeSeconds: Math.max(0, Math.round(row.age)) };
  }

  // The delivery log: every query below takes the organization id, so none can read another's mail.

  async list(
    organizationId: string,
    filter: { channel: OutboxChannel; status?: OutboxStatus; q?: string; offset: number; limit: number },
  ): Promise<{ rows: OutboxMessage[]; total: number }> {
    const qb = this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .where('m.organizationId = :organizationId', { organizationId })
      .andWhere('m.channel = :channel', { channel: filter.channel });
    if (filter.status) qb.andWhere('m.status = :status', { status: filter.status });
    if (filter.q) qb.andWhere(`m.recipient LIKE :q ESCAPE '\\'`, { q: `%${escapeLike(filter.q.trim().toLowerCase())}%` });
    const [rows, total] = await qb.orderBy('m.createdAt', 'DESC').addOrderBy('m.id', 'ASC').skip(filter.offset).take(filter.limit).getManyAndCount();
    return { rows, total };
  }

  /** By state, sent ones purged since included; one statement, so a purge running meanwhile counts once. */
  async counts(organizationId: string, channel: OutboxChannel): Promise<Record<OutboxStatus, number>> {
    // Purged texts are counted by their template's name (every SMS template's starts with `sms.`).
    const rows = await this.dataSource.query<{ status: OutboxStatus; n: number }[]>(
      `SELECT status, count(*)::int AS n FROM outbox_messages WHERE organization_id = $1 AND channel = $2 GROUP BY status
       UNION ALL
       SELECT 'sent', COALESCE(sum(sent), 0)::int FROM outbox_sent_counts WHERE organization_id = $1 AND (template LIKE 'sms.%') = ($2 = 'sms')`,
      [organizationId, channel],
    );
    const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
    for (const r of rows) counts[r.status] += r.n;
    return counts;
  }

  /**
   * Deletes up to `limit` messages sent before `before` and adds them to the per-day counts
   * of their organization, in one statement: the totals never miss or double a message.
   */
  async purgeSent(before: Date, limit: number): Promise<number> {
    const [row] = await this.dataSource.query<{ purged: number }[]>(
      `WITH purged AS (
         DELETE FROM outbox_messages WHERE id IN (SELECT id FROM outbox_messages WHERE status = 'sent' AND sent_at < $1 ORDER BY sent_at LIMIT $2)
         RETURNING organization_id, template, sent_at
       ), counted AS (
         INSERT INTO outbox_sent_counts AS c (organization_id, day, template, sent)
         SELECT organization_id, (sent_at AT TIME ZONE 'UTC')::date, template, count(*) FROM purged WHERE organization_id IS NOT NULL GROUP BY 1, 2, 3
         ON CONFLICT (organization_id, day, template) DO UPDATE SET sent = c.sent + EXCLUDED.sent
       )
       SELECT count(*)::int AS purged FROM purged`,
      [before, limit],
    );
    return row.purged;
  }

  async findOne(organizationId: string, channel: OutboxChannel, id: string): Promise<OutboxMessage | null> {
    return this.dataSource.getRepository(OutboxMessage).findOne({ where: { id, organizationId, channel } });
  }

  /**
   * Texts per campaign — one kind of message for one event — with their segments (the
   * messages kept: OUTBOX_RETENTION_DAYS), the largest first; refused ones are not counted.
   */
  async smsCampaigns(organizationId: string): Promise<{ eventId: string | null; template: string; messages: number; segments: number }[]> {
    const rows = await this.dataSource.query<{ eventId: string | null; template: string; messages: number; segments: number }[]>(
      `SELECT event_id AS "eventId", template, count(*)::int AS messages, COALESCE(sum(segments), 0)::int AS segments
         FROM outbox_messages WHERE organization_id = $1 AND channel = 'sms' AND (last_error IS NULL OR last_error NOT LIKE 'limit: %')
        GROUP BY event_id, template ORDER BY segments DESC, template LIMIT 50`,
      [organizationId],
    );
    return rows;
  }

  /**
   * Back to the queue, attempts from zero, the SAME Message-ID (a copy that did arrive is
   * recognizable). Not a message whose link was removed: it would arrive without one.
   */
  async requeueFailed(organizationId: string, channel: OutboxChannel, id: string): Promise<OutboxMessage | null> {
    const rows = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE outbox_messages SET status = 'queued', attempts = 0, next_attempt_at = now(), lease_until = NULL, claimed_by = NULL, delivery_status = NULL
        WHERE id = $1 AND organization_id = $2 AND channel = $3 AND status = 'failed' AND secret_removed_at IS NULL RETURNING id`,
      [id, organizationId, channel],
    );
    return rows[0].length > 0 ? this.findOne(organizationId, channel, id) : null;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
