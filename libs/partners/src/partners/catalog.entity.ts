import { Check, Entity, Unique } from 'typeorm';
import { EventScopedEntity, IntColumn, LocalizedTextColumn, TextColumn, type Localized } from '@palabre/platform';
import type { IndicatorKind } from '../catalog/catalog';

/** A sector a forum adds to the default ones. */
@Entity('partner_sectors')
@Unique('partner_sectors_event_key', ['eventId', 'key'])
export class PartnerSector extends EventScopedEntity {
  @TextColumn() key: string;
  @LocalizedTextColumn() label: Localized;
  @IntColumn({ default: 0 }) position: number;
}

/** A figure the forum asks its partners for; the defaults are written at the first invitation. */
@Entity('partner_indicators')
@Unique('partner_indicators_event_key', ['eventId', 'key'])
@Check('partner_indicators_kind_known', `"kind" IN ('count', 'percent')`)
export class PartnerIndicator extends EventScopedEntity {
  @TextColumn() key: string;
  @LocalizedTextColumn() label: Localized;
  @TextColumn() kind: IndicatorKind;
  @TextColumn({ nullable: true }) sector: string | null;
  @TextColumn({ nullable: true }) shareOf: string | null;
  @IntColumn({ default: 0 }) position: number;
}
