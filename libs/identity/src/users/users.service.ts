import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, ActorMembership, Clock, Role } from '@palabre/platform';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

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
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly clock: Clock,
  ) {}

  async findByEmail(email: string): Promise<UserView | null> {
    const u = await this.users.findByEmail(normalizeEmail(email));
    return u ? toUserView(u) : null;
  }

  async findById(id: string): Promise<UserView | null> {
    const u = await this.users.findById(id);
    return u ? toUserView(u) : null;
  }

  /** Users by id (e.g. the authors of audit entries); unknown ids are left out. */
  async findByIds(ids: string[]): Promise<Map<string, UserView>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    return new Map((await this.users.findByIds(unique)).map((u) => [u.id, toUserView(u)]));
  }

  /**
   * The user with this email, created if new (without password: they sign in by link). Dated by
   * the clock, as the sessions compared with `credentialsChangedAt` are.
   */
  async findOrCreate(email: string, name: string, manager?: EntityManager, locale: 'fr' | 'en' = 'fr'): Promise<UserView> {
    const normalized = normalizeEmail(email);
    await this.users.insertIfAbsent({ email: normalized, name, locale, credentialsChangedAt: this.clock.now() }, manager);
    const user = await this.users.findByEmail(normalized, manager);
    if (!user) throw new Error(`user ${normalized} neither found nor created`);
    return toUserView(user);
  }

  /**
   * Sets the password (already hashed). Every session, API token and link issued before now
   * stops working: they are compared with `credentialsChangedAt`.
   */
  async setPassword(userId: string, passwordHash: string, manager?: EntityManager): Promise<UserView> {
    await this.users.setPassword(userId, passwordHash, this.clock.now(), manager);
    const user = await this.users.findById(userId, manager);
    if (!user) throw new Error(`user ${userId} not found`);
    return toUserView(user);
  }

  /** Sets or replaces the membership's role. */
  async setMembership(userId: string, organizationId: string, role: Role, manager?: EntityManager): Promise<void> {
    await this.memberships.upsert(userId, organizationId, role, manager);
  }

  /** The user's organizations and roles, as the guard puts them on the request. */
  async membershipsOf(userId: string): Promise<ActorMembership[]> {
    return (await this.memberships.ofUser(userId)).map((m) => ({
      organizationId: m.organizationId,
      organizationSlug: m.organization.slug,
      organizationName: m.organization.name,
      role: m.role,
    }));
  }

  /**
   * Who a credential (a session, a token) issued at `issuedAt` stands for: null when the user is
   * gone or changed their password since, which signs out everywhere.
   */
  async actor(userId: string, issuedAt: Date): Promise<Omit<Actor, 'via'> | null> {
    const user = await this.users.findById(userId);
    if (!user || user.credentialsChangedAt > issuedAt) return null;
    return { userId: user.id, email: user.email, name: user.name, locale: user.locale, memberships: await this.membershipsOf(user.id) };
  }
}

export function toUserView(u: User): UserView {
  return { id: u.id, email: u.email, name: u.name, locale: u.locale };
}
