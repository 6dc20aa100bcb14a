import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog, Clock, pickFields } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { localDate, zonedInstant } from '@palabre/program';
import { OpportunityKind } from '../catalog/catalog';
import { PartnerError } from '../partners.errors';
import { CreateOpportunityDto, LeaveContactDto } from './opportunity.dto';
import { PartnersRepository } from '../partners/partners.repository';
import { PartnerActor, PartnerArea, PartnersService } from '../partners/partners.service';
import { Opportunity, OpportunityInterest } from './opportunity.entity';
import { OpportunitiesRepository } from './opportunities.repository';

export interface OpportunityView {
  id: string;
  number: number;
  partnerId: string;
  kind: OpportunityKind;
  title: string;
  description: string;
  region: string;
  sector: string | null;
  deadline: string;
  closesAt: Date;
  howToApply: string;
  acceptsContacts: boolean;
}

/** On the board: with its partner's name and address. */
export interface BoardOpportunityView extends OpportunityView {
  partner: { name: string; slug: string };
}

/** What a partner sees of its own: with how many people left their contact. */
export interface OwnOpportunityView extends OpportunityView {
  contacts: number;
  open: boolean;
}

export interface InterestView {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  message: string | null;
  consentText: string;
  consentedAt: Date;
}

export interface BoardFilter {
  kind?: string;
  sector?: string;
  region?: string;
}

/** The words a person agrees to when leaving their contact; stored with it. */
export function contactConsentText(partnerName: string): string {
  return `J'accepte que ${partnerName} reçoive mon nom et mes coordonnées pour me recontacter au sujet de cette offre.`;
}

/**
 * The opportunities board: partners post, participants browse what is still open (the
 * clock decides: an opportunity leaves the board at the end of its deadline's day in the
 * event's time zone) and, where the partner allows it, leave their contact. A partner sees
 * only the contacts left for its own opportunities.
 */
@Injectable()
export class OpportunitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly opportunities: OpportunitiesRepository,
    private readonly partners: PartnersRepository,
    private readonly catalog: PartnersService,
    private readonly events: EventsService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async ofPartner(area: PartnerArea): Promise<OwnOpportunityView[]> {
    const { event, partner } = area;
    const [rows, counts] = await Promise.all([
      this.opportunities.ofPartner(event.organizationId, event.id, partner.id),
      this.opportunities.interestCounts(event.organizationId, event.id, partner.id),
    ]);
    const now = this.clock.now();
    return rows.map((o) => ({ ...toOpportunityView(o), contacts: counts.get(o.id) ?? 0, open: o.closesAt > now }));
  }

  async post(area: PartnerArea, by: PartnerActor, dto: CreateOpportunityDto): Promise<OpportunityView> {
    const { event, partner } = area;
    if (dto.sector && !(await this.catalog.catalog(event)).sectors.some((s) => s.key === dto.sector)) {
      throw new PartnerError('UNKNOWN_SECTOR', {}, [
        { field: 'sector', message: { fr: 'Secteur inconnu de ce forum.', en: 'A sector this forum does not have.' } },
      ]);
    }
    const closesAt = endOfDay(dto.deadline, event.timeZone);
    if (!closesAt) {
      throw new PartnerError('DEADLINE_PASSED', {}, [{ field: 'deadline', message: { fr: 'Date invalide.', en: 'Invalid date.' } }]);
    }
    if (closesAt <= this.clock.now()) {
      throw new PartnerError('DEADLINE_PASSED', {}, [
        {
          field: 'deadline',
          message: { fr: 'Aujourd’hui ou plus tard.', en: 'Today or later.' },
          params: { today: localDate(this.clock.now(), event.timeZone) },
        },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      await this.events.lockWritable(manager, event.organizationId, event.id);
      const saved = await this.opportunities.save(manager, {
        organizationId: event.organizationId,
        eventId: event.id,
        partnerId: partner.id,
        kind: dto.kind,
        title: dto.title.trim(),
        description: dto.description?.trim() ?? '',
        region: dto.region,
        sector: dto.sector ?? null,
        deadline: dto.deadline,
        closesAt,
        howToApply: dto.howToApply.trim(),
        acceptsContacts: dto.acceptsContacts ?? false,
      });
      await this.audit.record(manager, {
        organizationId: event.organizationId,
        actorUserId: by.userId,
        action: 'partner.opportunity-posted',
        entityType: 'opportunity',
        entityId: saved.id,
        changes: { partner: partner.slug, kind: saved.kind },
      });
      return toOpportunityView(saved);
    });
  }

  async remove(area: PartnerArea, by: PartnerActor, id: string): Promise<void> {
    const { event, partner } = area;
    await this.dataSource.transaction(async (manager) => {
      await this.events.lockWritable(manager, event.organizationId, event.id);
      if (!(await this.opportunities.findOfPartner(event.organizationId, event.id, partner.id, id, manager))) throw new PartnerError('OPPORTUNITY_NOT_FOUND');
      await this.opportunities.delete(manager, id);
      await this.audit.record(manager, {
        organizationId: event.organizationId,
        actorUserId: by.userId,
        action: 'partner.opportunity-removed',
        entityType: 'opportunity',
        entityId: id,
      });
    });
  }

  /** The contacts left for one of the partner's opportunities (another partner's is not found). */
  async interests(area: PartnerArea, opportunityId: string): Promise<{ opportunity: OpportunityView; interests: InterestView[] }> {
    const { event, partner } = area;
    const opportunity = await this.opportunities.findOfPartner(event.organizationId, event.id, partner.id, opportunityId);
    if (!opportunity) throw new PartnerError('OPPORTUNITY_NOT_FOUND');
    const rows = await this.opportunities.interests(event.organizationId, event.id, partner.id, opportunityId);
    return { opportunity: toOpportunityView(opportunity), interests: rows.map(toInterestView) };
  }

  /** The board of a published event: open opportunities, filtered. */
  async board(event: EventView, filter: BoardFilter = {}): Promise<BoardOpportunityView[]> {
    const [rows, partners] = await Promise.all([this.opportunities.open(event.id, this.clock.now()), this.partners.listOfEvent(event.id)]);
    const byId = new Map(partners.map((p) => [p.id, p]));
    return rows
      .filter(
        (o) => (!filter.kind || o.kind === filter.kind) && (!filter.sector || o.sector === filter.sector) && (!filter.region || o.region === filter.region),
      )
      .flatMap((o) => {
        const p = byId.get(o.partnerId);
        return p ? [{ ...toOpportunityView(o), partner: { name: p.name, slug: p.slug } }] : [];
      });
  }

  /** One open opportunity of the board; a closed or unknown one is not found. */
  async openOne(event: EventView, number: number): Promise<BoardOpportunityView> {
    const o = await this.opportunities.findByNumber(event.id, number);
    if (!o || o.closesAt <= this.clock.now()) throw new PartnerError('OPPORTUNITY_NOT_FOUND');
    const p = await this.partners.find(o.organizationId, event.id, o.partnerId);
    if (!p) throw new PartnerError('OPPORTUNITY_NOT_FOUND');
    return { ...toOpportunityView(o), partner: { name: p.name, slug: p.slug } };
  }

  /** A participant leaves their contact (an email or a phone) with their consent, stored with its words and time. */
  async leaveContact(event: EventView, number: number, dto: LeaveContactDto): Promise<void> {
    const o = await this.openOne(event, number);
    if (!o.acceptsContacts) throw new PartnerError('CONTACTS_NOT_ACCEPTED');
    const email = dto.email?.trim().toLowerCase() || null;
    const phone = dto.phone?.trim() || null;
    if (!email && !phone) {
      throw new PartnerError('CONTACTS_NOT_ACCEPTED', {}, [
        { field: 'email', message: { fr: 'Une adresse e-mail ou un téléphone.', en: 'An email address or a phone number.' } },
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      await this.opportunities.addInterest(manager, {
        organizationId: event.organizationId,
        eventId: event.id,
        opportunityId: o.id,
        partnerId: o.partnerId,
        name: dto.name.trim(),
        email,
        phone,
        message: dto.message?.trim() || null,
        consentText: contactConsentText(o.partner.name),
        consentedAt: this.clock.now(),
      });
    });
  }
}

/** The instant an opportunity leaves the board: midnight after its deadline, in the event's zone. */
function endOfDay(date: string, timeZone: string): Date | null {
  const day = zonedInstant(date, '00:00', timeZone);
  return day ? (zonedInstant(localDate(new Date(day.getTime() + 36 * 3600_000), timeZone), '00:00', timeZone) ?? null) : null;
}

/** The fields an opportunity's view copies as they are stored. */
const OPPORTUNITY_FIELDS = [
  'id',
  'number',
  'partnerId',
  'kind',
  'title',
  'description',
  'region',
  'sector',
  'deadline',
  'closesAt',
  'howToApply',
  'acceptsContacts',
] as const;

function toOpportunityView(o: Opportunity): OpportunityView {
  return pickFields(o, OPPORTUNITY_FIELDS);
}

function toInterestView(i: OpportunityInterest): InterestView {
  return { id: i.id, name: i.name, email: i.email, phone: i.phone, message: i.message, consentText: i.consentText, consentedAt: i.consentedAt };
}
