import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, LessThan, MoreThan } from 'typeorm';
import { SignInLink } from './sign-in-link.entity';

/** Every query of sign-in links, by the hash of their secret or by user; inside a transaction pass its EntityManager. */
@Injectable()
export class SignInLinksRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(SignInLink);
  }

  /**
   * A link for the account with this (normalized) address, if there is one: the same
   * statement runs whether or not there is, so both take the same time. The account, or null.
   */
  async insertForEmail(
    manager: EntityManager,
    email: string,
    link: Pick<SignInLink, 'tokenHash' | 'expiresAt' | 'createdAt'>,
  ): Promise<{ id: string; name: string; email: string } | null> {
    const rows = await manager.query<{ id: string; name: string; email: string }[]>(
      `WITH u AS (SELECT id, name, email FROM users WHERE email = $1),
            ins AS (INSERT INTO sign_in_links (user_id, token_hash, expires_at, created_at) SELECT id, $2, $3, $4 FROM u RETURNING user_id)
       SELECT u.id, u.name, u.email FROM u JOIN ins ON ins.user_id = u.id`,
      [email, link.tokenHash, link.expiresAt, link.createdAt],
    );
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, link: Pick<SignInLink, 'userId' | 'tokenHash' | 'expiresAt' | 'createdAt'>): Promise<void> {
    await this.repo(manager).insert(link);
  }

  async deleteByHash(manager: EntityManager, tokenHash: string): Promise<void> {
    await this.repo(manager).delete({ tokenHash });
  }

  async deleteUnused(manager: EntityManager, userId: string): Promise<void> {
    await this.repo(manager).delete({ userId, usedAt: IsNull() });
  }

  async isUsable(tokenHash: string, now: Date): Promise<boolean> {
    return this.repo().exists({ where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(now) } });
  }

  /** Uses the link (once: one guarded UPDATE); its user, or null when it is unknown, used or expired. */
  async use(manager: EntityManager, tokenHash: string, now: Date): Promise<string | null> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await manager.query<[{ user_id: string }[], number]>(
      `UPDATE sign_in_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id`,
      [tokenHash, now],
    );
    return rows[0]?.user_id ?? null;
  }

  async deleteExpiredBefore(before: Date): Promise<number> {
    return (await this.repo().delete({ expiresAt: LessThan(before) })).affected ?? 0;
  }
}
