import { ApiProperty, PickType } from '@nestjs/swagger';
import { DateTimeProperty, IntegerProperty, LocalizedText, LocalizedTextProperty, UuidProperty } from '@palabre/platform';
import { FIGURES_STATUSES, FiguresStatus, INDICATOR_KINDS, IndicatorKind } from '../catalog/catalog';
import type { FiguresView, ReviewedFiguresView } from './figures.service';
import { SectorResponse } from '../partners/partner.response';
import type { Impact } from './impact';

export class FigureValueResponse {
  @ApiProperty({ example: 'employed' }) indicator: string;
  @ApiProperty({ example: 120 }) value: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
}

/** A partner's figures for one reporting year. */
export class FiguresResponse {
  @UuidProperty() id: string;
  @UuidProperty() partnerId: string;
  @IntegerProperty({ example: 2025 }) year: number;
  @ApiProperty({ enum: FIGURES_STATUSES }) status: FiguresStatus;
  @ApiProperty({ type: [FigureValueResponse], description: 'The values given; an indicator left out has none' }) values: FigureValueResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Why the lead sent it back' }) reviewComment: string | null;
  @DateTimeProperty({ nullable: true }) submittedAt: string | null;
  @DateTimeProperty({ nullable: true }) reviewedAt: string | null;
}

export class ReviewedFiguresResponse extends FiguresResponse {
  @ApiProperty() partnerName: string;
}

export class IndicatorTotalResponse {
  @ApiProperty({ example: 'employed' }) key: string;
  @LocalizedTextProperty() label: LocalizedText;
  @ApiProperty({ enum: INDICATOR_KINDS }) kind: IndicatorKind;
  @ApiProperty({ type: String, nullable: true }) sector: string | null;
  @ApiProperty({ type: String, nullable: true }) shareOf: string | null;
  @IntegerProperty({ description: 'Partners whose accepted figures count in the total' }) contributors: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'People, or for a share its percentage weighted by its base; null when nobody gave it (never a zero made up)',
  })
  total: number | null;

  @IntegerProperty({ nullable: true, description: 'For a share: the people it stands for (e.g. nationals)' }) people: number | null;
}

export class ImpactHeadlineResponse {
  @IntegerProperty({ description: 'Partners who gave their people employed' }) organizations: number;
  @IntegerProperty() employed: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Share of nationals (%) among the people employed by the partners who gave both' })
  nationalsShare: number | null;

  @IntegerProperty() nationalsContributors: number;
}

export class SectorImpactResponse extends PickType(SectorResponse, ['key', 'label'] as const) {
  @IntegerProperty({ description: 'Contributing partners that work in the sector' }) partners: number;
  @IntegerProperty({ nullable: true, description: 'People trained in the sector; null when no value was given' }) trained: number | null;
}

export class RegionImpactResponse {
  @ApiProperty({ example: 'bamako' }) key: string;
  @ApiProperty({ example: 'District de Bamako' }) label: string;
  @IntegerProperty({ description: 'Contributing partners that work in the region' }) partners: number;
}

/** What the event's partners achieved in a reporting year, from accepted figures only. */
export class ImpactResponse {
  @IntegerProperty({ nullable: true, description: 'The reporting year shown; null when no figures are accepted yet' }) year: number | null;
  @ApiProperty({ type: [Number], description: 'The years with accepted figures, latest first' }) years: number[];
  @IntegerProperty({ description: 'The event’s partners' }) partners: number;
  @IntegerProperty({ description: 'Partners whose figures for the year are accepted' }) contributors: number;
  @ApiProperty({ type: ImpactHeadlineResponse, nullable: true }) headline: ImpactHeadlineResponse | null;
  @ApiProperty({ type: [IndicatorTotalResponse] }) indicators: IndicatorTotalResponse[];
  @ApiProperty({ type: [SectorImpactResponse] }) bySector: SectorImpactResponse[];
  @ApiProperty({ type: [RegionImpactResponse] }) byRegion: RegionImpactResponse[];
}

export function toFiguresResponse(f: FiguresView): FiguresResponse {
  return {
    id: f.id,
    partnerId: f.partnerId,
    year: f.year,
    status: f.status,
    values: Object.entries(f.values).map(([indicator, v]) => ({ indicator, value: v.value, note: v.note ?? null, source: v.source ?? null })),
    reviewComment: f.reviewComment,
    submittedAt: f.submittedAt?.toISOString() ?? null,
    reviewedAt: f.reviewedAt?.toISOString() ?? null,
  };
}

export function toReviewedFiguresResponse(f: ReviewedFiguresView): ReviewedFiguresResponse {
  return { ...toFiguresResponse(f), partnerName: f.partnerName };
}

export function toImpactResponse(i: Impact & { years: number[] }): ImpactResponse {
  return {
    year: i.year,
    years: i.years,
    partners: i.partners,
    contributors: i.contributors,
    headline: i.headline,
    indicators: i.indicators,
    bySector: i.bySector,
    byRegion: i.byRegion,
  };
}
