import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { User } from './user.entity';

/** Every query of user accounts; inside a transaction pass its EntityManager. Emails arrive normalized. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(User);
  }

  async findByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOne({ where: { email } });
  }

  async findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  async findByIds(ids: string[]): Promise<User[]> {
    return this.repo().find({ where: { id: In(ids) } });
  }

  /** Creates the account unless one has the address (two sign-ups racing are fine). */
  async insertIfAbsent(user: Pick<User, 'email' | 'name' | 'locale' | 'credentialsChangedAt'>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).createQueryBuilder().insert().values(user).orIgnore().execute();
  }

  /** A new password; every session and token issued before `changedAt` stops working. */
  async setPassword(id: string, passwordHash: string, changedAt: Date, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { passwordHash, credentialsChangedAt: changedAt });
  }
}
