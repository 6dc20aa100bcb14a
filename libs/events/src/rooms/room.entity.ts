import { Check, Column, Entity, Index, Unique } from 'typeorm';
import { EventScopedEntity } from '@palabre/platform';

/** A room of the venue, where sessions happen (one at a time: see the program's exclusion constraint). */
@Entity('rooms')
@Unique('rooms_name_unique', ['eventId', 'name'])
@Check('rooms_capacity_positive', '"capacity" IS NULL OR "capacity" > 0')
@Index(['organizationId'])
export class Room extends EventScopedEntity {
  @Column({ type: 'text' })
  name: string;

  /** Seats in the room; null when unknown. */
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  /** Order on the timetable, left to right. */
  @Column({ type: 'int', default: 0 })
  position: number;
}
