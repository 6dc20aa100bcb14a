import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@palabre/platform';
import { Membership } from './membership.entity';

/**
 * Every query of memberships. Those of the members pages take the organization (the tenant);
 * inside a transaction pass its EntityManager.
 */
@Injectable()
export class MembershipsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Membership);
  }

  /** The user's, with their organizations, oldest first. */
  async ofUser(userId: string): Promise<Membership[]> {
    return this.repo().find({ where: { userId }, relations: { organization: true }, order: { createdAt: 'ASC' } });
  }

  /** The organization's, with their users, oldest first. */
  async ofOrganization(organizationId: string): Promise<Membership[]> {
    return this.repo().find({ where: { organizationId }, relations: { user: true }, order: { createdAt: 'ASC' } });
  }

  async find(manager: EntityManager, organizationId: string, id: string): Promise<Membership | null> {
    return isUUID(id) ? this.repo(manager).findOne({ where: { id, organizationId }, relations: { user: true } }) : null;
  }

  async hasMemberWithEmail(manager: EntityManager, organizationId: string, email: string): Promise<boolean> {
    return this.repo(manager)
      .createQueryBuilder('m')
      .innerJoin('m.user', 'u')
      .where('m.organization_id = :organizationId AND u.email = :email', { organizationId, email })
      .getExists();
  }

  async countMembers(manager: EntityManager, organizationId: string): Promise<number> {
    return this.repo(manager).count({ where: { organizationId } });
  }

  async countOwners(manager: EntityManager, organizationId: string): Promise<number> {
    return this.repo(manager).count({ where: { organizationId, role: 'owner' } });
  }

  /** Sets or replaces the user's role in the organization. */
  async upsert(userId: string, organizationId: string, role: Role, manager?: EntityManager): Promise<void> {
    await this.repo(manager)
      .createQueryBuilder()
      .insert()
      .values({ userId, organizationId, role })
      .orUpdate(['role'], ['user_id', 'organization_id'])
      .execute();
  }

  /** Adds the membership unless the user already has one there; the new row's id, else null. */
  async insertIfAbsent(manager: EntityManager, userId: string, organizationId: string, role: Role): Promise<string | null> {
    const inserted = (await this.repo(manager)
      .createQueryBuilder()
      .insert()
      .values({ userId, organizationId, role })
      .orIgnore()
      .returning(['id'])
      .execute()) as { raw: { id: string }[] };
    return inserted.raw[0]?.id ?? null;
  }

  async setRole(manager: EntityManager, organizationId: string, id: string, role: Role): Promise<void> {
    await this.repo(manager).update({ id, organizationId }, { role });
  }

  async delete(manager: EntityManager, organizationId: string, id: string): Promise<void> {
    await this.repo(manager).delete({ id, organizationId });
  }
}
