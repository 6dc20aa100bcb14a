import { Entity } from 'typeorm';
import { EventRow, IntColumn, PrimaryUuidColumn, TimestampColumn } from '@palabre/platform';

/** A workshop whose no-shows' seats went to its waiting list: done once per workshop. */
@Entity('no_show_releases')
export class NoShowRelease extends EventRow {
  @PrimaryUuidColumn() sessionId: string;
  @TimestampColumn() releasedAt: Date;

  /** Seats taken back from those signed up and not checked in at the door. */
  @IntColumn() seats: number;

  /** Of those, seats handed to the waiting list. */
  @IntColumn() promoted: number;
}
