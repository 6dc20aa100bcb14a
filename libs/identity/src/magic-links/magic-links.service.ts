import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { AppConfig, Clock, Locale } from '@palabre/platform';
import { OutboxService } from '@palabre/notifications';
import { hashSecret, newSecret } from '../auth/secrets';
import { normalizeEmail } from '../users/users.service';
import { SignInLink } from './sign-in-link.entity';

export const MAGIC_LINK_TTL_MINUTES = 15;

/**
 * The page a sign-in link opens (it asks for a click before using the link: mail scanners
 * open links too). The secret rides in the query, which the request log leaves out.
 */
export function magicLinkPath(secret: string): string {
  return `/auth/link?token=${secret}`;
}

/**
 * Sign-in by emailed link, for anyone with an account (organizers and speakers). Asking
 * never tells whether the address has an account: the answer and its timing are the same.
 */
@Injectable()
export class MagicLinksService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(SignInLink) private readonly links: Repository<SignInLink>,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Emails a link if the address has an account; does nothing visible otherwise. Both cases
   * run the same statement in a transaction (the insert simply selects no user), so they take
   * the same time to within one outbox insert.
   */
  async request(email: string, locale: Locale): Promise<void> {
    const secret = newSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + MAGIC_LINK_TTL_MINUTES * 60_000);
    await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string; name: string; email: string }[]>(
        `WITH u AS (SELECT id, name, email FROM users WHERE email = $1),
              ins AS (INSERT INTO sign_in_links (user_id, token_hash, expires_at, created_at) SELECT id, $2, $3, $4 FROM u RETURNING user_id)
         SELECT u.id, u.name, u.email FROM u JOIN ins ON ins.user_id = u.id`,
        [normalizeEmail(email), hashSecret(secret), expiresAt, now],
      );
      const user = rows[0];
      if (!user) return;
      await this.outbox.enqueue(manager, {
        to: user.email,
        template: 'auth.magic-link',
        locale,
        data: { name: user.name, link: `${this.config.publicUrl}${magicLinkPath(secret)}`, expiresInMinutes: MAGIC_LINK_TTL_MINUTES },
      });
    });
  }

  /**
   * A sign-in link for a user, written in the caller's transaction (an invitation that emails
   * it), valid `ttlMinutes`. Answers the link; only the hash of its secret is stored.
   */
  async issue(manager: EntityManager, userId: string, ttlMinutes: number): Promise<{ link: string; secret: string; expiresAt: Date }> {
    const secret = newSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);
    await manager.getRepository(SignInLink).insert({ userId, tokenHash: hashSecret(secret), expiresAt, createdAt: now });
    return { link: `${this.config.publicUrl}${magicLinkPath(secret)}`, secret, expiresAt };
  }

  /** Forgets a link issued in this transaction that will not be sent after all. */
  async discard(manager: EntityManager, secret: string): Promise<void> {
    await manager.getRepository(SignInLink).delete({ tokenHash: hashSecret(secret) });
  }

  /** Every link of the user not used yet stops working (a password change), in the caller's transaction. */
  async voidAll(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(SignInLink).delete({ userId, usedAt: IsNull() });
  }

  /** Whether the link would still sign in (the confirmation page shows an error instead of a button otherwise). */
  async isUsable(secret: string): Promise<boolean> {
    if (!secret || secret.length > 100) return false;
    return this.links.exists({ where: { tokenHash: hashSecret(secret), usedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) } });
  }

  /**
   * Uses the link, once (one guarded UPDATE), in the caller's transaction: the user it signs
   * in, or null when it is unknown, used or expired.
   */
  async use(manager: EntityManager, secret: string): Promise<string | null> {
    if (!secret || secret.length > 100) return null;
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await manager.query<[{ user_id: string }[], number]>(
      `UPDATE sign_in_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id`,
      [hashSecret(secret), this.clock.now()],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Forgets links that expired a day ago or more (a background job). */
  async sweep(): Promise<number> {
    return (await this.links.delete({ expiresAt: LessThan(new Date(this.clock.now().getTime() - 86_400_000)) })).affected ?? 0;
  }
}
