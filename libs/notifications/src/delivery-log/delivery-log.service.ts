import { Injectable, Optional } from '@nestjs/common';
import { JobRunner, pickFields } from '@palabre/platform';
import { OUTBOX_JOB } from '../delivery/outbox-delivery.job';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import type { OutboxChannel, OutboxStatus } from '../outbox/outbox-status';
import { OutboxRepository } from '../outbox/outbox.repository';
import { ListMailQueryDto, MailLogEntry, MailLogPage } from './delivery-log.dto';
import { NotificationError } from './notification.errors';

/** The back-office's view of an organization's mail (or texts): what went, what waits, what failed, and resend. */
@Injectable()
export class DeliveryLogService {
  constructor(
    private readonly outbox: OutboxRepository,
    @Optional() private readonly runner?: JobRunner,
  ) {}

  async list(organizationId: string, query: ListMailQueryDto = {}, channel: OutboxChannel = 'email'): Promise<MailLogPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const [{ rows, total }, counts] = await Promise.all([
      this.outbox.list(organizationId, { channel, status: query.status, q: query.q || undefined, offset: (page - 1) * pageSize, limit: pageSize }),
      this.outbox.counts(organizationId, channel),
    ]);
    return { items: rows.map(toMailLogEntry), total, page, pageSize, counts };
  }

  async counts(organizationId: string, channel: OutboxChannel = 'email'): Promise<Record<OutboxStatus, number>> {
    return this.outbox.counts(organizationId, channel);
  }

  /** A failed message goes back to the queue with its attempts reset and the same Message-ID (not one whose link was removed). */
  async resend(organizationId: string, id: string, channel: OutboxChannel = 'email'): Promise<MailLogEntry> {
    if (!UUID.test(id)) throw new NotificationError('MAIL_NOT_FOUND', { id });
    const requeued = await this.outbox.requeueFailed(organizationId, channel, id);
    if (requeued) {
      this.runner?.poke(OUTBOX_JOB);
      return toMailLogEntry(requeued);
    }
    const existing = await this.outbox.findOne(organizationId, channel, id);
    if (!existing) throw new NotificationError('MAIL_NOT_FOUND', { id });
    if (existing.status === 'failed' && existing.secretRemovedAt) throw new NotificationError('MAIL_LINK_REMOVED');
    throw new NotificationError('MAIL_NOT_RESENDABLE', { status: existing.status });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toMailLogEntry(m: OutboxMessage): MailLogEntry {
  return {
    id: m.id,
    to: m.recipient,
    ...pickFields(m, ['template', 'locale', 'status', 'attempts', 'lastError', 'messageId', 'eventId', 'createdAt', 'nextAttemptAt', 'sentAt']),
    ...pickFields(m, ['segments', 'deliveryStatus']),
  };
}
