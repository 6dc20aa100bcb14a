import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '@palabre/platform';

/** A workshop whose no-shows' seats went to its waiting list: done once per workshop. */
@Entity('no_show_releases')
export class NoShowRelease {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @TimestampColumn()
  releasedAt: Date;

  /** Seats taken back from those signed up and not checked in at the door. */
  @Column({ type: 'int' })
  seats: number;

  /** Of those, seats handed to the waiting list. */
  @Column({ type: 'int' })
  promoted: number;
}
