import { Check, Entity, Index, Unique } from 'typeorm';
import { EventScopedEntity, IntColumn, TextColumn } from '@palabre/platform';

/** A room of the venue, where sessions happen (one at a time: see the program's exclusion constraint). */
@Entity('rooms')
@Unique('rooms_name_unique', ['eventId', 'name'])
@Check('rooms_capacity_positive', '"capacity" IS NULL OR "capacity" > 0')
@Index(['organizationId'])
export class Room extends EventScopedEntity {
  @TextColumn() name: string;

  /** Seats in the room; null when unknown. */
  @IntColumn({ nullable: true }) capacity: number | null;

  /** Order on the timetable, left to right. */
  @IntColumn({ default: 0 }) position: number;
}
