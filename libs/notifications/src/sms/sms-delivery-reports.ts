import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@palabre/platform';
import { NotificationError } from '../delivery-log/notification.errors';
import { OutboxRepository } from '../outbox/outbox.repository';

/** Gateways' words for « on the phone » and « will never be ». Anything else is still on its way. */
const DELIVERED = new Set(['delivered', 'delivrd', 'deliveredtoterminal', 'success']);
const UNDELIVERED = new Set(['failed', 'undelivered', 'undeliv', 'rejected', 'rejectd', 'expired', 'deliveryimpossible', 'blocked']);

export type DeliveryState = 'delivered' | 'undelivered' | 'pending';

export function deliveryState(status: string): DeliveryState {
  const s = status.toLowerCase().replace(/[^a-z]/g, '');
  return DELIVERED.has(s) ? 'delivered' : UNDELIVERED.has(s) ? 'undelivered' : 'pending';
}

/** A report as read from the gateway's body: which message (its id, or the number), and what happened. */
interface Report {
  providerId?: string;
  to?: string;
  status: string;
}

/** `{ id | to, status }` (the generic gateway), or Orange's `deliveryInfoNotification`, which names the number only. */
function readReport(body: unknown): Report | null {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const orange = b.deliveryInfoNotification as { deliveryInfo?: { address?: unknown; deliveryStatus?: unknown } } | undefined;
  if (orange?.deliveryInfo) {
    const { address, deliveryStatus } = orange.deliveryInfo;
    if (typeof address !== 'string' || typeof deliveryStatus !== 'string') return null;
    return { to: address.replace(/^tel:/, ''), status: deliveryStatus };
  }
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : typeof v === 'number' ? String(v) : undefined);
  const status = text(b.status);
  const providerId = text(b.id) ?? text(b.messageId);
  const to = text(b.to);
  if (!status || (!providerId && !to)) return null;
  return { providerId, to, status };
}

/**
 * Delivery reports from the SMS gateway: believed only with the secret agreed in
 * SMS_DELIVERY_REPORT_SECRET (compared in constant time; without it configured, every report
 * is refused), then written on the message they name.
 */
@Injectable()
export class SmsDeliveryReports {
  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
  ) {}

  /** Answers the message updated (null: no message of ours matches, which a gateway need not be told). */
  async receive(secret: string | undefined, body: unknown): Promise<{ messageId: string | null; status: DeliveryState }> {
    if (!secret) throw new NotificationError('SMS_REPORT_UNAUTHORIZED');
    const expected = this.config.sms.deliveryReportSecret;
    if (!expected || !sameSecret(secret, expected)) throw new NotificationError('SMS_REPORT_FORBIDDEN');
    const report = readReport(body);
    if (!report) throw new NotificationError('SMS_REPORT_UNREADABLE');
    const status = deliveryState(report.status);
    const messageId = await this.outbox.recordDeliveryReport({ providerId: report.providerId, to: report.to, status, detail: report.status });
    return { messageId, status };
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
