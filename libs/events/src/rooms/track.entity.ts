import { Entity, Index } from 'typeorm';
import { EventScopedEntity, IntColumn, type Localized, LocalizedTextColumn, TextColumn } from '@palabre/platform';

/** A theme running through the program (e.g. « Entrepreneuriat »), with its colour. */
@Entity('tracks')
@Index(['organizationId'])
@Index(['eventId'])
export class Track extends EventScopedEntity {
  @LocalizedTextColumn() name: Localized;
  @TextColumn() colour: string;
  @IntColumn({ default: 0 }) position: number;
}
