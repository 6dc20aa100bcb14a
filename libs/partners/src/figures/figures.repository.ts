import { Injectable } from '@nestjs/common';
import { DeepPartial, EntityManager } from 'typeorm';
import { DataSourceRepository } from '@palabre/platform';
import { PartnerFigures } from './figures.entity';

/** Every query of partners' figures. Reads name the lead organization and the event; a partner's name the partner too. */
@Injectable()
export class FiguresRepository extends DataSourceRepository {
  async ofPartner(organizationId: string, eventId: string, partnerId: string): Promise<PartnerFigures[]> {
    return this.m().find(PartnerFigures, { where: { organizationId, eventId, partnerId }, order: { year: 'DESC' } });
  }

  /** The row to change, locked for the transaction. */
  async lock(manager: EntityManager, organizationId: string, eventId: string, partnerId: string, year: number): Promise<PartnerFigures | null> {
    return manager.findOne(PartnerFigures, { where: { organizationId, eventId, partnerId, year }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, figures: DeepPartial<PartnerFigures>): Promise<PartnerFigures> {
    return manager.save(PartnerFigures, manager.create(PartnerFigures, figures));
  }

  /** Submissions the lead reviews or has reviewed (a partner's drafts stay its own). */
  async reviewable(organizationId: string, eventId: string): Promise<PartnerFigures[]> {
    return this.m()
      .createQueryBuilder(PartnerFigures, 'f')
      .where('f.organization_id = :organizationId AND f.event_id = :eventId', { organizationId, eventId })
      .andWhere("f.status <> 'draft'")
      .orderBy('f.year', 'DESC')
      .getMany();
  }

  /** The accepted figures of an event for a year: what the impact page adds up. */
  async accepted(eventId: string, year: number): Promise<PartnerFigures[]> {
    return this.m().find(PartnerFigures, { where: { eventId, year, status: 'accepted' } });
  }

  /** The years with accepted figures, latest first. */
  async acceptedYears(eventId: string): Promise<number[]> {
    const rows = await this.m()
      .createQueryBuilder(PartnerFigures, 'f')
      .select('DISTINCT f.year', 'year')
      .where("f.event_id = :eventId AND f.status = 'accepted'", { eventId })
      .orderBy('f.year', 'DESC')
      .getRawMany<{ year: number }>();
    return rows.map((r) => Number(r.year));
  }
}
