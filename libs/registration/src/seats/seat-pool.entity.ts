import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The seats of one pool: the event's (`pool` = 'event') or one workshop's (`session:<id>`).
 * `taken` moves only by guarded statements (see SeatPools), never by a count then a write.
 */
@Entity('seat_pools')
@Check('seat_pools_taken_positive', '"taken" >= 0')
export class SeatPool {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @PrimaryColumn({ type: 'text' })
  pool: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  /** The capacity the last seat taken was checked against; null: no limit. */
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Column({ type: 'int', default: 0 })
  taken: number;
}
