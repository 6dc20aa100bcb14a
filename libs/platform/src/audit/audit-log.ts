import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Clock } from '../clock';
import type { Page } from '../http/page';
import { pickFields } from '../types/pick-fields';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  organizationId: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes?: Record<string, unknown>;
}

export interface AuditEntryView extends Required<AuditRecord> {
  id: string;
  at: Date;
}

export type AuditPage = Page<AuditEntryView>;

/**
 * The organization's audit trail. Every context records its changes here, in the same
 * transaction as the change (pass that transaction's manager), so the trail never misses a
 * committed change nor shows a rolled-back one.
 */
@Injectable()
export class AuditLog {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await manager.insert(AuditEntry, {
      organizationId: entry.organizationId,
      actorUserId: entry.actorUserId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: (entry.changes ?? {}) as never,
      at: this.clock.now(),
    });
  }

  /** The organization's entries, newest first. The organization is required: no query reads another's. */
  async list(organizationId: string, page = 1, pageSize = 50): Promise<AuditPage> {
    const [rows, total] = await this.entries.findAndCount({
      where: { organizationId },
      order: { at: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toView), total, page, pageSize };
  }
}

function toView(e: AuditEntry): AuditEntryView {
  return pickFields(e, ['id', 'organizationId', 'actorUserId', 'action', 'entityType', 'entityId', 'changes', 'at']);
}
