import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AfterCommit, AppConfig, JobRunner, Locale, Statement } from '@palabre/platform';
import { OUTBOX_JOB } from '../delivery/outbox-delivery.job';
import { SmsLimits, SmsRefusal } from '../sms/sms-limits';
import { renderSms } from '../sms/sms-renderer';
import { SMS_TEMPLATES, SmsTemplateDataMap, SmsTemplateName } from '../sms/sms-templates';
import { TemplateDataMap, TemplateName } from '../templates/template-data';
import { TEMPLATES } from '../templates/templates';
import { OutboxMessage } from './outbox-message.entity';
import type { OutboxChannel } from './outbox-status';

export interface EnqueueMessage<T extends TemplateName> {
  to: string;
  template: T;
  locale: Locale;
  data: TemplateDataMap[T];
  /** The same key never makes two rows: a retried request queues its message once. */
  dedupeKey?: string;
  organizationId?: string;
  eventId?: string;
  /** Send no earlier than this (reminders). */
  notBefore?: Date;
}

/** A text message to queue: the same outbox, worker, retries, dedupe and delivery log as mail. */
export interface EnqueueSms<T extends SmsTemplateName> extends Omit<EnqueueMessage<TemplateName>, 'template' | 'data'> {
  /** E.164. */
  to: string;
  template: T;
  data: SmsTemplateDataMap[T];
  /** The client address whose request causes the text (its hourly limit); none for the system's own texts. */
  clientAddress?: string;
}

/** What queuing a text did: queued, already queued (its dedupe key), or refused by a limit (recorded as failed, never sent). */
export interface SmsQueued {
  queued: boolean;
  refused?: SmsRefusal;
}

/** A row to write: a message of either channel. */
interface NewRow {
  channel: OutboxChannel;
  template: string;
  recipient: string;
  data: Record<string, unknown>;
  secrets: readonly string[];
  segments: number | null;
  message: Omit<EnqueueMessage<TemplateName>, 'template' | 'data' | 'to'>;
}

/**
 * The only way mail and text messages leave Palabre: a row written in the caller's own transaction (pass its
 * EntityManager), delivered after commit by the worker. Nothing talks SMTP in a request.
 */
@Injectable()
export class OutboxService {
  private readonly host: string;

  constructor(
    config: AppConfig,
    private readonly afterCommit: AfterCommit,
    private readonly runner: JobRunner,
    private readonly smsLimits: SmsLimits,
  ) {
    this.host = new URL(config.publicUrl).hostname || 'palabre.local';
  }

  /** Returns true when a row was written, false when the dedupe key already had one. */
  async enqueue<T extends TemplateName>(manager: EntityManager, message: EnqueueMessage<T>): Promise<boolean> {
    const id = await this.insert(manager, {
      channel: 'email',
      template: message.template,
      recipient: message.to.trim().toLowerCase(),
      data: message.data as unknown as Record<string, unknown>,
      secrets: TEMPLATES[message.template].secrets ?? [],
      segments: null,
      message,
    });
    if (id) await this.wake(manager);
    return id !== null;
  }

  /**
   * Queues a text message, counted against the SMS limits (per number, client address and
   * destination prefix per hour, and the day's budget) in the caller's transaction. A text
   * past a limit is recorded as failed with the limit named and its secrets dropped: it is
   * never sent, and the caller's own work (a registration) stands.
   */
  async enqueueSms<T extends SmsTemplateName>(manager: EntityManager, message: EnqueueSms<T>): Promise<SmsQueued> {
    const data = message.data as unknown as Record<string, unknown>;
    // Counted as the worker will render it (the same data, the same fitting to one segment).
    const { segments } = renderSms({ id: '', template: message.template, locale: message.locale, recipient: message.to, data });
    const id = await this.insert(manager, {
      channel: 'sms',
      template: message.template,
      recipient: message.to.trim(),
      data,
      secrets: SMS_TEMPLATES[message.template].secrets ?? [],
      segments,
      message,
    });
    if (!id) return { queued: false };
    const refused = await this.smsLimits.take(manager, { to: message.to, clientAddress: message.clientAddress, segments });
    if (refused) {
      await manager.query(
        `UPDATE outbox_messages SET status = 'failed', last_error = $2, secret = NULL, secret_removed_at = CASE WHEN secret IS NULL THEN NULL ELSE now() END WHERE id = $1`,
        [id, `limit: ${refused}`],
      );
      return { queued: false, refused };
    }
    await this.wake(manager);
    return { queued: true };
  }

  /** Writes the row unless its dedupe key has one; answers its id, or null. */
  private async insert(manager: EntityManager, row: NewRow): Promise<string | null> {
    const id = randomUUID();
    const { data, secret } = splitSecrets(row.data, row.secrets);
    const { message } = row;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        id,
        channel: row.channel,
        template: row.template,
        locale: message.locale,
        recipient: row.recipient,
        // jsonb columns: TypeORM types them as deep partial entities, which plain objects are.
        data: data as never,
        secret: secret as never,
        dedupeKey: message.dedupeKey ?? null,
        messageId: `<${id}@${this.host}>`,
        status: 'queued',
        nextAttemptAt: message.notBefore ?? (() => 'now()'),
        organizationId: message.organizationId ?? null,
        eventId: message.eventId ?? null,
        segments: row.segments,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0 ? id : null;
  }

  /**
   * The delivery loop of this process looks at once after commit (not before: it could not see
   * the row yet), instead of at its next poll. A request never waits for SMTP or a gateway.
   */
  private async wake(manager: EntityManager): Promise<void> {
    await this.afterCommit.run(manager, () => this.runner.poke(OUTBOX_JOB));
  }

  /**
   * The message as an `INSERT … SELECT` for a caller to join into its own statement (as a CTE),
   * so that one round trip writes it with the caller's rows: written only when `condition` (SQL
   * over the caller's other CTEs) holds, its parameters numbered from `$${from}`; `data`, an SQL
   * jsonb expression over those CTEs, adds to the message's data what only the statement knows
   * (a rank). When it wrote the row, call `written(manager)`: the delivery loop looks after commit.
   */
  insertStatement<T extends TemplateName>(message: EnqueueMessage<T>, from: number, condition: string, data?: string): Statement {
    const id = randomUUID();
    const { data: known, secret } = splitSecrets(message.data as unknown as Record<string, unknown>, TEMPLATES[message.template].secrets ?? []);
    const params = [
      id,
      message.template,
      message.locale,
      message.to.trim().toLowerCase(),
      JSON.stringify(known),
      secret === null ? null : JSON.stringify(secret),
      message.dedupeKey ?? null,
      `<${id}@${this.host}>`,
      message.notBefore ?? null,
      message.organizationId ?? null,
      message.eventId ?? null,
    ];
    const $ = (i: number) => `$${from + i}`;
    return {
      sql: `INSERT INTO outbox_messages (id, template, locale, recipient, data, secret, dedupe_key, message_id, status, next_attempt_at, organization_id, event_id)
            SELECT ${$(0)}::uuid, ${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}::jsonb${data ? ` || ${data}` : ''}, ${$(5)}::jsonb, ${$(6)}, ${$(7)}, 'queued', coalesce(${$(8)}::timestamptz, now()), ${$(9)}::uuid, ${$(10)}::uuid
            WHERE ${condition}
            ON CONFLICT DO NOTHING
            RETURNING id`,
      params,
    };
  }

  /** A message written by a caller's statement (insertStatement): the delivery loop of this process looks after commit. */
  async written(manager: EntityManager): Promise<void> {
    await this.wake(manager);
  }
}

/** The template's secret fields apart (null when it has none), so that they can be removed after sending. */
function splitSecrets(all: Record<string, unknown>, keys: readonly string[]): { data: Record<string, unknown>; secret: Record<string, unknown> | null } {
  if (keys.length === 0) return { data: all, secret: null };
  const data: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) (keys.includes(k) ? secret : data)[k] = v;
  return { data, secret };
}
