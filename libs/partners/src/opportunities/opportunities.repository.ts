import { Injectable } from '@nestjs/common';
import { DeepPartial, EntityManager, MoreThan } from 'typeorm';
import { DataSourceRepository } from '@palabre/platform';
import { Opportunity, OpportunityInterest } from './opportunity.entity';

/** Every query of the opportunities board and the contacts left for them. */
@Injectable()
export class OpportunitiesRepository extends DataSourceRepository {
  async ofPartner(organizationId: string, eventId: string, partnerId: string): Promise<Opportunity[]> {
    return this.m().find(Opportunity, { where: { organizationId, eventId, partnerId }, order: { closesAt: 'ASC', number: 'ASC' } });
  }

  async findOfPartner(organizationId: string, eventId: string, partnerId: string, id: string, manager?: EntityManager): Promise<Opportunity | null> {
    return this.m(manager).findOne(Opportunity, { where: { id, organizationId, eventId, partnerId } });
  }

  /** The board: what is still open at `now`, soonest deadline first. */
  async open(eventId: string, now: Date): Promise<Opportunity[]> {
    return this.m().find(Opportunity, { where: { eventId, closesAt: MoreThan(now) }, order: { closesAt: 'ASC', number: 'ASC' } });
  }

  async findByNumber(eventId: string, number: number): Promise<Opportunity | null> {
    return this.m().findOne(Opportunity, { where: { eventId, number } });
  }

  async save(manager: EntityManager, opportunity: DeepPartial<Opportunity>): Promise<Opportunity> {
    return manager.save(Opportunity, manager.create(Opportunity, opportunity));
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(OpportunityInterest, { opportunityId: id });
    await manager.delete(Opportunity, { id });
  }

  async addInterest(manager: EntityManager, interest: DeepPartial<OpportunityInterest>): Promise<void> {
    await manager.insert(OpportunityInterest, interest);
  }

  async interests(organizationId: string, eventId: string, partnerId: string, opportunityId: string): Promise<OpportunityInterest[]> {
    return this.m().find(OpportunityInterest, { where: { organizationId, eventId, partnerId, opportunityId }, order: { consentedAt: 'ASC' } });
  }

  /** How many contacts each of a partner's opportunities received. */
  async interestCounts(organizationId: string, eventId: string, partnerId: string): Promise<Map<string, number>> {
    const rows = await this.m()
      .createQueryBuilder(OpportunityInterest, 'i')
      .select('i.opportunity_id', 'id')
      .addSelect('count(*)::int', 'n')
      .where('i.organization_id = :organizationId AND i.event_id = :eventId AND i.partner_id = :partnerId', { organizationId, eventId, partnerId })
      .groupBy('i.opportunity_id')
      .getRawMany<{ id: string; n: number }>();
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }
}
