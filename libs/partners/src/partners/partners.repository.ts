import { Injectable } from '@nestjs/common';
import { DeepPartial, EntityManager, In } from 'typeorm';
import { DataSourceRepository } from '@palabre/platform';
import { PartnerSession } from '../sessions/partner-session.entity';
import { PartnerIndicator, PartnerSector } from './catalog.entity';
import { Partner } from './partner.entity';

/**
 * Every query of an event's partners, its catalog (sectors, indicators) and the sessions its
 * partners proposed. Back-office reads name the lead organization; a partner's own reads
 * name its organization; inside a transaction pass its EntityManager.
 */
@Injectable()
export class PartnersRepository extends DataSourceRepository {
  async list(organizationId: string, eventId: string, manager?: EntityManager): Promise<Partner[]> {
    return this.m(manager).find(Partner, { where: { organizationId, eventId }, order: { name: 'ASC' } });
  }

  /** The public directory: every partner of the event (a published event's, which the caller checked). */
  async listOfEvent(eventId: string): Promise<Partner[]> {
    return this.m().find(Partner, { where: { eventId }, order: { name: 'ASC' } });
  }

  async find(organizationId: string, eventId: string, id: string, manager?: EntityManager): Promise<Partner | null> {
    return this.m(manager).findOne(Partner, { where: { id, organizationId, eventId } });
  }

  async findBySlug(eventId: string, slug: string): Promise<Partner | null> {
    return this.m().findOne(Partner, { where: { eventId, slug } });
  }

  async findByPartnerOrganization(eventId: string, partnerOrganizationId: string, manager?: EntityManager): Promise<Partner | null> {
    return this.m(manager).findOne(Partner, { where: { eventId, partnerOrganizationId } });
  }

  /** The partnerships of one organization (as a partner), newest first. */
  async ofPartnerOrganization(partnerOrganizationId: string): Promise<Partner[]> {
    return this.m().find(Partner, { where: { partnerOrganizationId }, order: { invitedAt: 'DESC' } });
  }

  async save(manager: EntityManager, partner: DeepPartial<Partner>): Promise<Partner> {
    return manager.save(Partner, manager.create(Partner, partner));
  }

  async sectors(eventId: string, manager?: EntityManager): Promise<PartnerSector[]> {
    return this.m(manager).find(PartnerSector, { where: { eventId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  async saveSector(manager: EntityManager, sector: DeepPartial<PartnerSector>): Promise<PartnerSector> {
    return manager.save(PartnerSector, manager.create(PartnerSector, sector));
  }

  async indicators(eventId: string, manager?: EntityManager): Promise<PartnerIndicator[]> {
    return this.m(manager).find(PartnerIndicator, { where: { eventId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  /** Writes the indicators that are not there yet (by key); one statement, so two first invitations racing write them once. */
  async insertIndicators(manager: EntityManager, rows: DeepPartial<PartnerIndicator>[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.createQueryBuilder().insert().into(PartnerIndicator).values(rows).orIgnore().execute();
  }

  async linkSession(manager: EntityManager, link: DeepPartial<PartnerSession>): Promise<void> {
    await manager.insert(PartnerSession, link);
  }

  /** The ids of the sessions a partner proposed. */
  async sessionIds(organizationId: string, eventId: string, partnerId: string): Promise<string[]> {
    const rows = await this.m().find(PartnerSession, { where: { organizationId, eventId, partnerId }, order: { createdAt: 'ASC' } });
    return rows.map((r) => r.sessionId);
  }

  /** Session id → partner id, for the sessions of these partners. */
  async sessionPartners(eventId: string, partnerIds: string[]): Promise<Map<string, string>> {
    if (partnerIds.length === 0) return new Map();
    const rows = await this.m().find(PartnerSession, { where: { eventId, partnerId: In(partnerIds) } });
    return new Map(rows.map((r) => [r.sessionId, r.partnerId]));
  }
}
