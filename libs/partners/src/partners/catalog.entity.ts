import { Check, Column, Entity, Unique } from 'typeorm';
import { EventScopedEntity, LocalizedTextColumn, type Localized } from '@palabre/platform';
import type { IndicatorKind } from '../catalog/catalog';

/** A sector a forum adds to the default ones. */
@Entity('partner_sectors')
@Unique('partner_sectors_event_key', ['eventId', 'key'])
export class PartnerSector extends EventScopedEntity {
  @Column({ type: 'text' })
  key: string;

  @LocalizedTextColumn()
  label: Localized;

  @Column({ type: 'int', default: 0 })
  position: number;
}

/** A figure the forum asks its partners for; the defaults are written at the first invitation. */
@Entity('partner_indicators')
@Unique('partner_indicators_event_key', ['eventId', 'key'])
@Check('partner_indicators_kind_known', `"kind" IN ('count', 'percent')`)
export class PartnerIndicator extends EventScopedEntity {
  @Column({ type: 'text' })
  key: string;

  @LocalizedTextColumn()
  label: Localized;

  @Column({ type: 'text' })
  kind: IndicatorKind;

  @Column({ type: 'text', nullable: true })
  sector: string | null;

  @Column({ type: 'text', nullable: true })
  shareOf: string | null;

  @Column({ type: 'int', default: 0 })
  position: number;
}
