import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog, FileStorage, Localized, pickFields } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { slugify } from '@palabre/identity';
import { ORGANIZATION_LOGO, processPhoto } from '@palabre/speakers';
import { DEFAULT_INDICATORS, DEFAULT_SECTORS, IndicatorDefinition } from '../catalog/catalog';
import { PartnerError } from '../partners.errors';
import { PartnerIndicator } from './catalog.entity';
import { AddIndicatorDto, AddSectorDto, UpdatePartnerProfileDto } from './partner.dto';
import { Partner } from './partner.entity';
import { PartnersRepository } from './partners.repository';

export interface PartnerView {
  id: string;
  eventId: string;
  /** The lead organization (the event's). */
  organizationId: string;
  partnerOrganizationId: string;
  slug: string;
  name: string;
  acronym: string | null;
  mission: Localized;
  sectors: string[];
  regions: string[];
  website: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  /** The logo's hash (its files are `/media/logos/{hash}-{size}.{webp|jpg}`), or null. */
  logo: string | null;
  invitedAt: Date;
}

/** What a partner's member works in: their partnership and its event. */
export interface PartnerArea {
  partner: PartnerView;
  event: EventView;
}

/** A sector of the event: a default one, or one the forum added. */
export interface SectorView {
  key: string;
  label: Localized;
  custom: boolean;
}

export interface PartnerCatalog {
  sectors: SectorView[];
  indicators: IndicatorDefinition[];
}

/** Who acts: their user id (audit). */
export interface PartnerActor {
  userId: string;
}

/**
 * The partners of an event, their public profiles and the forum's catalog (sectors,
 * indicators). The lead reads and writes through its event (its organization is the
 * tenant); a partner's members through their area, which only their organization opens.
 */
@Injectable()
export class PartnersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partners: PartnersRepository,
    private readonly events: EventsService,
    private readonly storage: FileStorage,
    private readonly audit: AuditLog,
  ) {}

  async list(event: EventView): Promise<PartnerView[]> {
    return (await this.partners.list(event.organizationId, event.id)).map(toPartnerView);
  }

  async get(event: EventView, id: string): Promise<PartnerView> {
    return toPartnerView(found(await this.partners.find(event.organizationId, event.id, id)));
  }

  /** The events an organization is a partner of, latest invitation first. */
  async partnerships(partnerOrganizationId: string): Promise<PartnerArea[]> {
    const rows = await this.partners.ofPartnerOrganization(partnerOrganizationId);
    const areas: PartnerArea[] = [];
    for (const row of rows) areas.push({ partner: toPartnerView(row), event: await this.events.getById(row.eventId) });
    return areas;
  }

  /** A partner organization's area on one event; PARTNER_NOT_FOUND when it is not that event's partner. */
  async area(partnerOrganizationId: string, eventSlug: string): Promise<PartnerArea> {
    const area = (await this.partnerships(partnerOrganizationId)).find((a) => a.event.slug === eventSlug);
    if (!area) throw new PartnerError('PARTNER_NOT_FOUND');
    return area;
  }

  async updateProfile(area: PartnerArea, by: PartnerActor, dto: UpdatePartnerProfileDto): Promise<PartnerView> {
    const catalog = await this.catalog(area.event);
    const unknown = (dto.sectors ?? []).findIndex((s) => !catalog.sectors.some((c) => c.key === s));
    if (unknown >= 0) throw unknownSector(`sectors.${unknown}`);
    return this.changing(area, by, 'partner.profile-updated', (p) => {
      if (dto.name !== undefined) p.name = dto.name.trim();
      if (dto.acronym !== undefined) p.acronym = dto.acronym?.trim() || null;
      if (dto.mission !== undefined) p.mission = dto.mission;
      if (dto.sectors !== undefined) p.sectors = dto.sectors;
      if (dto.regions !== undefined) p.regions = dto.regions;
      if (dto.website !== undefined) p.website = dto.website?.trim() || null;
      if (dto.contactEmail !== undefined) p.contactEmail = dto.contactEmail?.trim().toLowerCase() || null;
      if (dto.contactPhone !== undefined) p.contactPhone = dto.contactPhone?.trim() || null;
    });
  }

  /** A new logo: checked by its content and resized (the speakers' photo path) before the transaction; old files stay. */
  async setLogo(area: PartnerArea, by: PartnerActor, bytes: Buffer): Promise<PartnerView> {
    const { photo, files } = await processPhoto(bytes, ORGANIZATION_LOGO);
    for (const [key, file] of files) await this.storage.put(key, file);
    return this.changing(area, by, 'partner.logo-updated', (p) => {
      p.logo = { hash: photo.hash };
    });
  }

  /** The event's sectors (the defaults, then the forum's) and indicators (the defaults until the forum has its own). */
  async catalog(event: EventView, manager?: EntityManager): Promise<PartnerCatalog> {
    const [custom, stored] = [await this.partners.sectors(event.id, manager), await this.partners.indicators(event.id, manager)];
    return {
      sectors: [...DEFAULT_SECTORS.map((s) => ({ ...s, custom: false })), ...custom.map((s) => ({ key: s.key, label: s.label, custom: true }))],
      indicators: stored.length ? stored.map(toIndicator) : DEFAULT_INDICATORS,
    };
  }

  async addSector(event: EventView, by: PartnerActor, dto: AddSectorDto): Promise<SectorView> {
    return this.dataSource.transaction(async (manager) => {
      await this.events.lockWritable(manager, event.organizationId, event.id);
      const { sectors } = await this.catalog(event, manager);
      const key = keyOf(dto.label.fr);
      if (sectors.some((s) => s.key === key || s.label.fr.toLowerCase() === dto.label.fr.trim().toLowerCase())) {
        throw new PartnerError('SECTOR_EXISTS', {}, [{ field: 'label.fr', message: { fr: 'Ce secteur existe déjà.', en: 'This sector already exists.' } }]);
      }
      await this.partners.saveSector(manager, { organizationId: event.organizationId, eventId: event.id, key, label: dto.label, position: sectors.length });
      await this.audit.record(manager, {
        organizationId: event.organizationId,
        actorUserId: by.userId,
        action: 'partners.sector-added',
        entityType: 'event',
        entityId: event.id,
        changes: { key },
      });
      return { key, label: dto.label, custom: true };
    });
  }

  async addIndicator(event: EventView, by: PartnerActor, dto: AddIndicatorDto): Promise<IndicatorDefinition> {
    return this.dataSource.transaction(async (manager) => {
      await this.events.lockWritable(manager, event.organizationId, event.id);
      await this.ensureIndicators(manager, event);
      const { sectors, indicators } = await this.catalog(event, manager);
      const kind = dto.kind ?? 'count';
      if (dto.sector && !sectors.some((s) => s.key === dto.sector)) throw unknownSector('sector');
      if (kind === 'percent' && !indicators.some((i) => i.key === dto.shareOf && i.kind === 'count')) {
        throw new PartnerError('UNKNOWN_INDICATOR', {}, [
          { field: 'shareOf', message: { fr: 'Une part se rapporte à un indicateur de personnes.', en: 'A share relates to a people indicator.' } },
        ]);
      }
      let key = keyOf(dto.label.fr);
      while (indicators.some((i) => i.key === key)) key = `${key.slice(0, 36)}-${indicators.length}`;
      const indicator: IndicatorDefinition = { key, label: dto.label, kind, sector: dto.sector ?? null, shareOf: kind === 'percent' ? dto.shareOf! : null };
      await this.partners.insertIndicators(manager, [{ organizationId: event.organizationId, eventId: event.id, ...indicator, position: indicators.length }]);
      await this.audit.record(manager, {
        organizationId: event.organizationId,
        actorUserId: by.userId,
        action: 'partners.indicator-added',
        entityType: 'event',
        entityId: event.id,
        changes: { key, kind },
      });
      return indicator;
    });
  }

  /** Writes the default indicators of an event that has none (the first invitation, the first indicator the forum adds). */
  async ensureIndicators(manager: EntityManager, event: EventView): Promise<void> {
    if ((await this.partners.indicators(event.id, manager)).length > 0) return;
    await this.partners.insertIndicators(
      manager,
      DEFAULT_INDICATORS.map((i, position) => ({ organizationId: event.organizationId, eventId: event.id, ...i, position })),
    );
  }

  /** The public directory of a published event (the caller checked it is one). */
  async directory(event: EventView): Promise<PartnerView[]> {
    return (await this.partners.listOfEvent(event.id)).map(toPartnerView);
  }

  async publicPartner(event: EventView, slug: string): Promise<PartnerView> {
    return toPartnerView(found(await this.partners.findBySlug(event.id, slug)));
  }

  /** A change to a partner's row: the event locked (archived events refused), the row changed, an audit entry in the lead organization. */
  private async changing(area: PartnerArea, by: PartnerActor, action: string, change: (p: Partner) => void): Promise<PartnerView> {
    const { partner, event } = area;
    return this.dataSource.transaction(async (manager) => {
      await this.events.lockWritable(manager, event.organizationId, event.id);
      const row = found(await this.partners.find(event.organizationId, event.id, partner.id, manager));
      change(row);
      const saved = await this.partners.save(manager, row);
      await this.audit.record(manager, { organizationId: event.organizationId, actorUserId: by.userId, action, entityType: 'partner', entityId: partner.id });
      return toPartnerView(saved);
    });
  }
}

function found(partner: Partner | null): Partner {
  if (!partner) throw new PartnerError('PARTNER_NOT_FOUND');
  return partner;
}

function unknownSector(field: string) {
  return new PartnerError('UNKNOWN_SECTOR', {}, [{ field, message: { fr: 'Secteur inconnu de ce forum.', en: 'A sector this forum does not have.' } }]);
}

/** A key from a label: lowercase ASCII, digits and dashes. */
export function keyOf(label: string): string {
  return slugify(label).slice(0, 40).replace(/-+$/, '');
}

function toIndicator(i: PartnerIndicator): IndicatorDefinition {
  return { key: i.key, label: i.label, kind: i.kind, sector: i.sector, shareOf: i.shareOf };
}

/** The fields a partner's view copies as they are stored. */
const PARTNER_FIELDS = [
  'id',
  'eventId',
  'organizationId',
  'partnerOrganizationId',
  'slug',
  'name',
  'acronym',
  'mission',
  'sectors',
  'regions',
  'website',
  'contactEmail',
  'contactPhone',
  'invitedAt',
] as const;

export function toPartnerView(p: Partner): PartnerView {
  return { ...pickFields(p, PARTNER_FIELDS), logo: p.logo?.hash ?? null };
}
