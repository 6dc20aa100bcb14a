import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventView } from '@palabre/events';
import { OrganizationsService } from '@palabre/identity';
import { localDate, zonedInstant } from '@palabre/program';
import { Localized } from '@palabre/platform';
import { OpportunityKind } from '../catalog/catalog';
import { FiguresRepository } from '../figures/figures.repository';
import { OpportunitiesRepository } from '../opportunities/opportunities.repository';
import { PartnersRepository } from './partners.repository';
import { PartnersService } from './partners.service';

/** A partner as a demo (or an import) plants it: profile, accepted figures for a year, open opportunities. */
export interface PlantedPartner {
  name: string;
  acronym?: string;
  mission: Localized;
  sectors: string[];
  regions: string[];
  website?: string;
  contactEmail?: string;
  figures: Record<string, number>;
  opportunities: {
    kind: OpportunityKind;
    title: string;
    description: string;
    region: string;
    sector?: string;
    daysOpen: number;
    howToApply: string;
    acceptsContacts?: boolean;
  }[];
}

/**
 * Plants ready-made partners on an event in one transaction: their organizations (found or
 * created, without members), profiles, figures for a year already accepted, and opportunities
 * open for some days from `now`. For the demo forum, which must seed fast; every row is one
 * the partner area and the lead's review would have written.
 */
@Injectable()
export class PartnerSeeding {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly partners: PartnersRepository,
    private readonly catalog: PartnersService,
    private readonly figures: FiguresRepository,
    private readonly opportunities: OpportunitiesRepository,
  ) {}

  async plant(event: EventView, year: number, now: Date, planted: PlantedPartner[]): Promise<void> {
    const scope = { organizationId: event.organizationId, eventId: event.id };
    await this.dataSource.transaction(async (manager) => {
      await this.catalog.ensureIndicators(manager, event);
      for (const p of planted) {
        const organization = await this.organizations.findOrCreate(p.name, manager);
        const partner = await this.partners.save(manager, {
          ...scope,
          partnerOrganizationId: organization.id,
          slug: organization.slug,
          name: organization.name,
          acronym: p.acronym ?? null,
          mission: p.mission,
          sectors: p.sectors,
          regions: p.regions,
          website: p.website ?? null,
          contactEmail: p.contactEmail ?? null,
          invitedAt: now,
        });
        await this.figures.save(manager, {
          ...scope,
          partnerId: partner.id,
          year,
          status: 'accepted',
          values: Object.fromEntries(Object.entries(p.figures).map(([key, value]) => [key, { value }])),
          submittedAt: now,
          reviewedAt: now,
        });
        for (const o of p.opportunities) {
          const deadline = localDate(new Date(now.getTime() + o.daysOpen * 86_400_000), event.timeZone);
          const closesAt = zonedInstant(localDate(new Date(now.getTime() + (o.daysOpen + 1) * 86_400_000), event.timeZone), '00:00', event.timeZone)!;
          await this.opportunities.save(manager, {
            ...scope,
            partnerId: partner.id,
            kind: o.kind,
            title: o.title,
            description: o.description,
            region: o.region,
            sector: o.sector ?? null,
            deadline,
            closesAt,
            howToApply: o.howToApply,
            acceptsContacts: o.acceptsContacts ?? false,
          });
        }
      }
    });
  }
}
