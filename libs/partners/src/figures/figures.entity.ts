import { Check, Entity, Index, Unique } from 'typeorm';
import { EventScopedEntity, IntColumn, JsonColumn, TextColumn, TimestampColumn, UuidColumn } from '@palabre/platform';
import type { FiguresStatus } from '../catalog/catalog';

/** One value of a submission, with where it comes from. */
export interface FigureValue {
  value: number;
  note?: string;
  source?: string;
}

/** A partner's figures for one reporting year, and where their review stands. */
@Entity('partner_figures')
@Unique('partner_figures_partner_year', ['partnerId', 'year'])
@Index(['organizationId', 'eventId', 'year'])
@Check('partner_figures_status_known', `"status" IN ('draft', 'submitted', 'sent_back', 'accepted')`)
export class PartnerFigures extends EventScopedEntity {
  @UuidColumn() partnerId: string;
  @IntColumn() year: number;
  @TextColumn({ default: 'draft' }) status: FiguresStatus;

  /** Indicator key → value; an indicator left out has no value (never a zero). */
  @JsonColumn({ default: () => "'{}'" }) values: Record<string, FigureValue>;
  @TextColumn({ nullable: true }) reviewComment: string | null;
  @TimestampColumn({ nullable: true }) submittedAt: Date | null;
  @TimestampColumn({ nullable: true }) reviewedAt: Date | null;
  @UuidColumn({ nullable: true }) reviewedByUserId: string | null;
}
