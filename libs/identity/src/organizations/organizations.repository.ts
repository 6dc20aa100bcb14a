import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Organization } from './organization.entity';

/** Every query of organizations; inside a transaction pass its EntityManager. */
@Injectable()
export class OrganizationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Organization);
  }

  async count(): Promise<number> {
    return this.repo().count();
  }

  async findBySlug(slug: string, manager?: EntityManager): Promise<Organization | null> {
    return this.repo(manager).findOne({ where: { slug } });
  }

  async findById(id: string, manager?: EntityManager): Promise<Organization | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  /** Creates it unless the slug is taken. */
  async insertIfAbsent(slug: string, name: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).createQueryBuilder().insert().values({ slug, name }).orIgnore().execute();
  }

  /** The row, locked until the transaction ends when `lock` (false only in a negative-control test). */
  async lock(manager: EntityManager, id: string, lock: boolean): Promise<Organization | null> {
    const query = this.repo(manager).createQueryBuilder('o').where('o.id = :id', { id });
    return (lock ? query.setLock('pessimistic_write') : query).getOne();
  }
}
