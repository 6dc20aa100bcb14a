import { Column, Entity, Index } from 'typeorm';
import { EventScopedEntity, LocalizedTextColumn, type Localized } from '@palabre/platform';

/** A theme running through the program (e.g. « Entrepreneuriat »), with its colour. */
@Entity('tracks')
@Index(['organizationId'])
@Index(['eventId'])
export class Track extends EventScopedEntity {
  @LocalizedTextColumn()
  name: Localized;

  @Column({ type: 'text' })
  colour: string;

  @Column({ type: 'int', default: 0 })
  position: number;
}
