import { Column, Entity, Index, Unique } from 'typeorm';
import { TimestampColumn, UuidEntity } from '@palabre/platform';
import type { SessionChange } from './changelog';
import type { ReleaseSnapshot } from './snapshot';

/** A published, immutable snapshot of the program, numbered per event, with its changelog. */
@Entity('program_releases')
@Unique('program_releases_number_unique', ['eventId', 'number'])
@Index('program_releases_tenant', ['organizationId', 'eventId'])
export class ProgramRelease extends UuidEntity {
  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  /** 1, 2, 3… per event. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'jsonb' })
  snapshot: ReleaseSnapshot;

  /** Against the previous release (everything is `added` in release 1). */
  @Column({ type: 'jsonb' })
  changelog: SessionChange[];

  /** Who published it (a user id), when known. */
  @Column({ type: 'uuid', nullable: true })
  publishedBy: string | null;

  /** From the injected clock, so tests and the changelog agree on time. */
  @TimestampColumn()
  publishedAt: Date;
}
