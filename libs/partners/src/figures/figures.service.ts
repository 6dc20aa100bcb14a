import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog, Clock, FieldError, Localized } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { FIGURES_STATUS_LABELS, FiguresStatus, IndicatorDefinition } from '../catalog/catalog';
import { PartnerError } from '../partners.errors';
import { SaveFiguresDto } from './figures.dto';
import { PartnersRepository } from '../partners/partners.repository';
import { PartnerActor, PartnerArea, PartnersService } from '../partners/partners.service';
import { FigureValue, PartnerFigures } from './figures.entity';
import { FiguresRepository } from './figures.repository';
import { computeImpact, Impact } from './impact';

export interface FiguresView {
  id: string;
  partnerId: string;
  year: number;
  status: FiguresStatus;
  values: Record<string, FigureValue>;
  reviewComment: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
}

/** A submission as the lead reviews it: with its partner's name. */
export interface ReviewedFiguresView extends FiguresView {
  partnerName: string;
}

export type ReviewDecision = { accept: true } | { accept: false; comment: string };

/** The first and last reporting years a form accepts. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/**
 * Partners' figures per reporting year and their review. A partner writes its draft and
 * submits it; the lead accepts it or sends it back with a comment; only accepted figures
 * count on the impact page. A partner sees its own figures only; the lead never sees a draft.
 */
@Injectable()
export class FiguresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly figures: FiguresRepository,
    private readonly partners: PartnersRepository,
    private readonly catalog: PartnersService,
    private readonly events: EventsService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async ofPartner(area: PartnerArea): Promise<FiguresView[]> {
    return (await this.figures.ofPartner(area.event.organizationId, area.event.id, area.partner.id)).map(toFiguresView);
  }

  /** The year's values as they stand (a new draft, or the draft again after a send-back); refused once submitted or accepted. */
  async save(area: PartnerArea, by: PartnerActor, year: number, dto: SaveFiguresDto): Promise<FiguresView> {
    const { indicators } = await this.catalog.catalog(area.event);
    const values = checkedValues(indicators, dto);
    return this.changing(area.event, area.partner.id, year, by, 'partner.figures-saved', (row) => {
      if (row.status === 'submitted' || row.status === 'accepted') throw locked(row.status);
      row.values = values;
      row.status = 'draft';
    });
  }

  async submit(area: PartnerArea, by: PartnerActor, year: number): Promise<FiguresView> {
    return this.changing(area.event, area.partner.id, year, by, 'partner.figures-submitted', (row) => {
      if (row.status === 'submitted' || row.status === 'accepted') throw locked(row.status);
      if (!row.id || Object.keys(row.values).length === 0) throw new PartnerError('FIGURES_EMPTY');
      row.status = 'submitted';
      row.submittedAt = this.clock.now();
    });
  }

  /** Every submission of the event the lead reviews or has reviewed (drafts stay their partner's). */
  async reviewable(event: EventView): Promise<ReviewedFiguresView[]> {
    const [rows, partners] = await Promise.all([this.figures.reviewable(event.organizationId, event.id), this.partners.list(event.organizationId, event.id)]);
    const names = new Map(partners.map((p) => [p.id, p.name]));
    return rows.map((r) => ({ ...toFiguresView(r), partnerName: names.get(r.partnerId) ?? '' }));
  }

  async review(event: EventView, by: PartnerActor, partnerId: string, year: number, decision: ReviewDecision): Promise<FiguresView> {
    const action = decision.accept ? 'partner.figures-accepted' : 'partner.figures-sent-back';
    return this.changing(event, partnerId, year, by, action, (row) => {
      if (!row.id) throw new PartnerError('FIGURES_NOT_FOUND');
      if (row.status !== 'submitted') throw new PartnerError('FIGURES_NOT_SUBMITTED');
      row.status = decision.accept ? 'accepted' : 'sent_back';
      row.reviewComment = decision.accept ? null : decision.comment.trim();
      row.reviewedAt = this.clock.now();
      row.reviewedByUserId = by.userId;
    });
  }

  /** The years with accepted figures, latest first. */
  async years(event: EventView): Promise<number[]> {
    return this.figures.acceptedYears(event.id);
  }

  /** What the event's partners achieved in `year` (by default the latest year with accepted figures), from accepted figures only. */
  async impact(event: EventView, year?: number): Promise<Impact & { years: number[] }> {
    const years = await this.years(event);
    const shown = year ?? years[0] ?? null;
    const [partners, catalog, accepted] = await Promise.all([
      this.partners.listOfEvent(event.id),
      this.catalog.catalog(event),
      shown === null ? Promise.resolve([]) : this.figures.accepted(event.id, shown),
    ]);
    const byId = new Map(partners.map((p) => [p.id, p]));
    const submissions = accepted.flatMap((f) => {
      const p = byId.get(f.partnerId);
      return p ? [{ partnerId: p.id, sectors: p.sectors, regions: p.regions, values: f.values }] : [];
    });
    return { ...computeImpact({ year: shown, partners: partners.length, indicators: catalog.indicators, sectors: catalog.sectors, submissions }), years };
  }

  /** One year's row of a partner, locked (or a new one), changed by `change`, saved and audited in the lead organization. */
  private async changing(
    event: EventView,
    partnerId: string,
    year: number,
    by: PartnerActor,
    action: string,
    change: (row: PartnerFigures) => void,
  ): Promise<FiguresView> {
    checkYear(year);
    return this.dataSource.transaction(async (manager: EntityManager) => {
      await this.events.lockWritable(manager, event.organizationId, event.id);
      if (!(await this.partners.find(event.organizationId, event.id, partnerId, manager))) throw new PartnerError('PARTNER_NOT_FOUND');
      const row =
        (await this.figures.lock(manager, event.organizationId, event.id, partnerId, year)) ??
        Object.assign(new PartnerFigures(), { organizationId: event.organizationId, eventId: event.id, partnerId, year, status: 'draft', values: {} });
      change(row);
      const saved = await this.figures.save(manager, row);
      await this.audit.record(manager, {
        organizationId: event.organizationId,
        actorUserId: by.userId,
        action,
        entityType: 'partner_figures',
        entityId: saved.id,
        changes: { year, status: saved.status },
      });
      return toFiguresView(saved);
    });
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new PartnerError('INVALID_FIGURES', {}, [
      { field: 'year', message: { fr: `Une année de ${FIRST_YEAR} à ${LAST_YEAR}.`, en: `A year from ${FIRST_YEAR} to ${LAST_YEAR}.` } },
    ]);
  }
}

function locked(status: FiguresStatus) {
  return new PartnerError('FIGURES_LOCKED', {
    status: FIGURES_STATUS_LABELS[status].fr.toLowerCase(),
    statusEn: FIGURES_STATUS_LABELS[status].en.toLowerCase(),
  });
}

const message = (fr: string, en: string): Localized => ({ fr, en });

/** The values by indicator, each checked against its indicator: a known key, once, people as whole numbers, a share at most 100 %. */
function checkedValues(indicators: IndicatorDefinition[], dto: SaveFiguresDto): Record<string, FigureValue> {
  const values: Record<string, FigureValue> = {};
  const errors: FieldError[] = [];
  dto.values.forEach((v, i) => {
    const indicator = indicators.find((x) => x.key === v.indicator);
    if (!indicator)
      errors.push({ field: `values.${i}.indicator`, message: message('Indicateur inconnu de ce forum.', 'An indicator this forum does not ask for.') });
    else if (values[v.indicator]) errors.push({ field: `values.${i}.indicator`, message: message('Indicateur donné deux fois.', 'Indicator given twice.') });
    else if (indicator.kind === 'count' && !Number.isInteger(v.value))
      errors.push({ field: `values.${i}.value`, message: message('Un nombre entier de personnes.', 'A whole number of people.') });
    else if (indicator.kind === 'percent' && v.value > 100)
      errors.push({ field: `values.${i}.value`, message: message('Un pourcentage, de 0 à 100.', 'A percentage, from 0 to 100.') });
    else values[v.indicator] = { value: v.value, ...(v.note?.trim() ? { note: v.note.trim() } : {}), ...(v.source?.trim() ? { source: v.source.trim() } : {}) };
  });
  if (errors.length) throw new PartnerError('INVALID_FIGURES', {}, errors);
  return values;
}

export function toFiguresView(f: PartnerFigures): FiguresView {
  return {
    id: f.id,
    partnerId: f.partnerId,
    year: f.year,
    status: f.status,
    values: f.values,
    reviewComment: f.reviewComment,
    submittedAt: f.submittedAt,
    reviewedAt: f.reviewedAt,
  };
}
