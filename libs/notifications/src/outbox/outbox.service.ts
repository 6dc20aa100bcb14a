import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AfterCommit, AppConfig, JobRunner, Locale } from '@palabre/platform';
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
}

/** The template's secret fields apart (null when it has none), so that they can be removed after sending. */
function splitSecrets(all: Record<string, unknown>, keys: readonly string[]): { data: Record<string, unknown>; secret: Record<string, unknown> | null } {
  if (keys.length === 0) return { data: all, secret: null };
  const data: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) (keys.includes(k) ? secret : data)[k] = v;
  return { data, secret };
}
