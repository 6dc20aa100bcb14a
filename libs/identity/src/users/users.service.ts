import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { ActorMembership, Clock, Role } from '@palabre/platform';
import { Membership } from '../memberships/membership.entity';
import { User } from './user.entity';

export interface UserView {
  id: string;
  email: string;
  name: string;
  locale: 'fr' | 'en';
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    private readonly clock: Clock,
  ) {}

  async findByEmail(email: string): Promise<UserView | null> {
    const u = await this.users.findOne({ where: { email: normalizeEmail(email) } });
    return u ? toUserView(u) : null;
  }

  async findById(id: string): Promise<UserView | null> {
    const u = await this.users.findOne({ where: { id } });
    return u ? toUserView(u) : null;
  }

  /** Users by id (e.g. the authors of audit entries); unknown ids are left out. */
  async findByIds(ids: string[]): Promise<Map<string, UserView>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.users.find({ where: { id: In(unique) } });
    return new Map(rows.map((u) => [u.id, toUserView(u)]));
  }

  /**
   * The user with this email, created if new (without password: they sign in by link). Dated by
   * the clock, as the sessions compared with `credentialsChangedAt` are.
   */
  async findOrCreate(email: string, name: string, manager?: EntityManager, locale: 'fr' | 'en' = 'fr'): Promise<UserView> {
    const repo = manager ? manager.getRepository(User) : this.users;
    const normalized = normalizeEmail(email);
    await repo.createQueryBuilder().insert().values({ email: normalized, name, locale, credentialsChangedAt: this.clock.now() }).orIgnore().execute();
    return toUserView(await repo.findOneOrFail({ where: { email: normalized } }));
  }

  /**
   * Sets the password (already hashed). Every session, API token and link issued before now
   * stops working: they are compared with `credentialsChangedAt`.
   */
  async setPassword(userId: string, passwordHash: string, manager?: EntityManager): Promise<UserView> {
    const repo = manager ? manager.getRepository(User) : this.users;
    await repo.update({ id: userId }, { passwordHash, credentialsChangedAt: this.clock.now() });
    return toUserView(await repo.findOneByOrFail({ id: userId }));
  }

  /** Sets or replaces the membership's role. */
  async setMembership(userId: string, organizationId: string, role: Role, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(Membership) : this.memberships;
    await repo
      .createQueryBuilder()
      .insert()
      .values({ userId, organizationId, role })
      .orUpdate(['role'], ['user_id', 'organization_id'])
      .execute();
  }

  /** The user's organizations and roles, as the guard puts them on the request. */
  async membershipsOf(userId: string): Promise<ActorMembership[]> {
    const rows = await this.memberships.find({ where: { userId }, relations: { organization: true }, order: { createdAt: 'ASC' } });
    return rows.map((m) => ({
      organizationId: m.organizationId,
      organizationSlug: m.organization.slug,
      organizationName: m.organization.name,
      role: m.role,
    }));
  }
}

export function toUserView(u: User): UserView {
  return { id: u.id, email: u.email, name: u.name, locale: u.locale };
}
