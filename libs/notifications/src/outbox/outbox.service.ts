import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AfterCommit, AppConfig, JobRunner, Locale, Statement } from '@palabre/platform';
import { OUTBOX_JOB } from '../delivery/outbox-delivery.job';
import { TemplateDataMap, TemplateName } from '../templates/template-data';
import { TEMPLATES } from '../templates/templates';
import { OutboxMessage } from './outbox-message.entity';

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

/**
 * The only way mail leaves Palabre: a row written in the caller's own transaction (pass its
 * EntityManager), delivered after commit by the worker. Nothing talks SMTP in a request.
 */
@Injectable()
export class OutboxService {
  private readonly host: string;

  constructor(
    config: AppConfig,
    private readonly afterCommit: AfterCommit,
    private readonly runner: JobRunner,
  ) {
    this.host = new URL(config.publicUrl).hostname || 'palabre.local';
  }

  /** Returns true when a row was written, false when the dedupe key already had one. */
  async enqueue<T extends TemplateName>(manager: EntityManager, message: EnqueueMessage<T>): Promise<boolean> {
    const id = randomUUID();
    const { data, secret } = splitSecrets(message.data as unknown as Record<string, unknown>, TEMPLATES[message.template].secrets ?? []);
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        id,
        template: message.template,
        locale: message.locale,
        recipient: message.to.trim().toLowerCase(),
        // jsonb columns: TypeORM types them as deep partial entities, which plain objects are.
        data: data as never,
        secret: secret as never,
        dedupeKey: message.dedupeKey ?? null,
        messageId: `<${id}@${this.host}>`,
        status: 'queued',
        nextAttemptAt: message.notBefore ?? (() => 'now()'),
        organizationId: message.organizationId ?? null,
        eventId: message.eventId ?? null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const written = (result.raw as unknown[]).length > 0;
    // The delivery loop of this process looks at once after commit (not before: it could not see
    // the row yet), instead of at its next poll. A request never waits for SMTP.
    if (written) await this.afterCommit.run(manager, () => this.runner.poke(OUTBOX_JOB));
    return written;
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
    await this.afterCommit.run(manager, () => this.runner.poke(OUTBOX_JOB));
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
