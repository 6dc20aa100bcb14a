import { Injectable } from '@nestjs/common';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { ProgramRelease } from './release.entity';

/**
 * Every query of releases. The back office's take the organization and the event; the public
 * ones (`head`, `findById`) the event or release alone, since a release is public once made.
 * Inside a transaction pass its EntityManager.
 */
@Injectable()
export class ReleasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ProgramRelease);
  }

  /** Newest first, without their snapshots. */
  async list(organizationId: string, eventId: string): Promise<Pick<ProgramRelease, 'number' | 'note' | 'publishedAt' | 'changelog'>[]> {
    return this.repo().find({
      where: { organizationId, eventId },
      select: { number: true, note: true, publishedAt: true, changelog: true },
      order: { number: 'DESC' },
    });
  }

  async latest(organizationId: string, eventId: string, manager?: EntityManager): Promise<ProgramRelease | null> {
    return this.repo(manager).findOne({ where: { organizationId, eventId }, order: { number: 'DESC' } });
  }

  /** Which release is the event's latest: one small indexed read. */
  async head(eventId: string): Promise<Pick<ProgramRelease, 'id' | 'number'> | null> {
    return this.repo().findOne({ where: { eventId }, select: { id: true, number: true }, order: { number: 'DESC' } });
  }

  async findById(id: string): Promise<ProgramRelease> {
    return this.repo().findOneOrFail({ where: { id } });
  }

  async insert(manager: EntityManager, release: DeepPartial<ProgramRelease>): Promise<ProgramRelease> {
    return this.repo(manager).save(this.repo(manager).create(release));
  }
}
