import { Entity, Index, Unique } from 'typeorm';
import { IntColumn, JsonColumn, TextColumn, TimestampColumn, UuidColumn, UuidEntity } from '@palabre/platform';
import type { SessionChange } from './changelog';
import type { ReleaseSnapshot } from './snapshot';

/** A published, immutable snapshot of the program, numbered per event, with its changelog. */
@Entity('program_releases')
@Unique('program_releases_number_unique', ['eventId', 'number'])
@Index('program_releases_tenant', ['organizationId', 'eventId'])
export class ProgramRelease extends UuidEntity {
  @UuidColumn() organizationId: string;
  @UuidColumn() eventId: string;

  /** 1, 2, 3… per event. */
  @IntColumn() number: number;
  @TextColumn({ default: '' }) note: string;
  @JsonColumn() snapshot: ReleaseSnapshot;

  /** Against the previous release (everything is `added` in release 1). */
  @JsonColumn() changelog: SessionChange[];

  /** Who published it (a user id), when known. */
  @UuidColumn({ nullable: true }) publishedBy: string | null;

  /** From the injected clock, so tests and the changelog agree on time. */
  @TimestampColumn() publishedAt: Date;
}
