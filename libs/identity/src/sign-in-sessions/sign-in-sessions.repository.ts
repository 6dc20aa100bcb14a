import { Injectable } from '@nestjs/common';
import { DataSource, DeepPartial, EntityManager, LessThanOrEqual, MoreThan } from 'typeorm';
import { SignInSession } from './sign-in-session.entity';

/** Every query of sign-in sessions (table `sessions`), by the hash of their secret, by id or by user; inside a transaction pass its EntityManager. */
@Injectable()
export class SignInSessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(SignInSession);
  }

  async insert(manager: EntityManager, session: DeepPartial<SignInSession>): Promise<SignInSession> {
    return this.repo(manager).save(this.repo(manager).create(session));
  }

  async findByHash(tokenHash: string): Promise<SignInSession | null> {
    return this.repo().findOne({ where: { tokenHash } });
  }

  async findById(id: string): Promise<SignInSession | null> {
    return this.repo().findOne({ where: { id } });
  }

  async touch(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.repo().update({ id }, { lastSeenAt, expiresAt });
  }

  async deleteByHash(tokenHash: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete({ tokenHash });
  }

  async deleteAllOf(userId: string, manager?: EntityManager): Promise<number> {
    return (await this.repo(manager).delete({ userId })).affected ?? 0;
  }

  async countActive(userId: string, now: Date): Promise<number> {
    return this.repo().count({ where: { userId, expiresAt: MoreThan(now) } });
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.repo().delete({ expiresAt: LessThanOrEqual(now) })).affected ?? 0;
  }
}
