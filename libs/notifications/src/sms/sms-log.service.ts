import { Injectable } from '@nestjs/common';
import { AppConfig } from '@palabre/platform';
import { ListMailQueryDto, MailLogEntry, MailLogPage } from '../delivery-log/delivery-log.dto';
import { DeliveryLogService } from '../delivery-log/delivery-log.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { SmsBudgetToday, SmsLimits } from './sms-limits';

export interface SmsLogEntry extends MailLogEntry {
  /** Segments × SMS_COST_PER_SEGMENT; null for a text refused by a limit (never sent, never billed). */
  cost: number | null;
}

export interface SmsCampaign {
  eventId: string | null;
  template: string;
  messages: number;
  segments: number;
  cost: number;
}

export interface SmsLogPage extends Omit<MailLogPage, 'items'> {
  items: SmsLogEntry[];
  currency: string;
  costPerSegment: number;
  /** One kind of text for one event. */
  campaigns: SmsCampaign[];
  budget: SmsBudgetToday;
}

const price = (segments: number, perSegment: number) => Math.round(segments * perSegment * 100) / 100;

/** The SMS log beside the mail log: the same rows, with segments and the estimated cost, per message and per campaign. */
@Injectable()
export class SmsLogService {
  constructor(
    private readonly deliveryLog: DeliveryLogService,
    private readonly outbox: OutboxRepository,
    private readonly limits: SmsLimits,
    private readonly config: AppConfig,
  ) {}

  async list(organizationId: string, query: ListMailQueryDto = {}): Promise<SmsLogPage> {
    const { costPerSegment, currency } = this.config.sms;
    const [page, campaigns, budget] = await Promise.all([
      this.deliveryLog.list(organizationId, query, 'sms'),
      this.outbox.smsCampaigns(organizationId),
      this.limits.budgetToday(),
    ]);
    return {
      ...page,
      items: page.items.map((m) => ({ ...m, cost: m.segments == null || m.lastError?.startsWith('limit: ') ? null : price(m.segments, costPerSegment) })),
      currency,
      costPerSegment,
      campaigns: campaigns.map((c) => ({ ...c, cost: price(c.segments, costPerSegment) })),
      budget,
    };
  }

  resend(organizationId: string, id: string): Promise<MailLogEntry> {
    return this.deliveryLog.resend(organizationId, id, 'sms');
  }

  budgetToday(): Promise<SmsBudgetToday> {
    return this.limits.budgetToday();
  }
}
