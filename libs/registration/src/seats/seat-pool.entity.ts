import { Check, Entity } from 'typeorm';
import { IntColumn, PrimaryTextColumn, PrimaryUuidColumn, UuidColumn } from '@palabre/platform';

/**
 * The seats of one pool: the event's (`pool` = 'event') or one workshop's (`session:<id>`).
 * `taken` moves only by guarded statements (see SeatPools), never by a count then a write.
 */
@Entity('seat_pools')
@Check('seat_pools_taken_positive', '"taken" >= 0')
export class SeatPool {
  @PrimaryUuidColumn() eventId: string;
  @PrimaryTextColumn() pool: string;
  @UuidColumn() organizationId: string;

  /** The capacity the last seat taken was checked against; null: no limit. */
  @IntColumn({ nullable: true }) capacity: number | null;
  @IntColumn({ default: 0 }) taken: number;
}
