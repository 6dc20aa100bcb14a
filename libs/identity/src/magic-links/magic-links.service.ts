import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Clock, Locale } from '@palabre/platform';
import { OutboxService } from '@palabre/notifications';
import { hashSecret, newSecret } from '../auth/secrets';
import { normalizeEmail } from '../users/users.service';
import { SignInLinksRepository } from './sign-in-links.repository';

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
    private readonly links: SignInLinksRepository,
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
      const user = await this.links.insertForEmail(manager, normalizeEmail(email), { tokenHash: hashSecret(secret), expiresAt, createdAt: now });
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
    await this.links.insert(manager, { userId, tokenHash: hashSecret(secret), expiresAt, createdAt: now });
    return { link: `${this.config.publicUrl}${magicLinkPath(secret)}`, secret, expiresAt };
  }

  /** Forgets a link issued in this transaction that will not be sent after all. */
  async discard(manager: EntityManager, secret: string): Promise<void> {
    await this.links.deleteByHash(manager, hashSecret(secret));
  }

  /** Every link of the user not used yet stops working (a password change), in the caller's transaction. */
  async voidAll(manager: EntityManager, userId: string): Promise<void> {
    await this.links.deleteUnused(manager, userId);
  }

  /** Whether the link would still sign in (the confirmation page shows an error instead of a button otherwise). */
  async isUsable(secret: string): Promise<boolean> {
    if (!secret || secret.length > 100) return false;
    return this.links.isUsable(hashSecret(secret), this.clock.now());
  }

  /**
   * Uses the link, once (one guarded UPDATE), in the caller's transaction: the user it signs
   * in, or null when it is unknown, used or expired.
   */
  async use(manager: EntityManager, secret: string): Promise<string | null> {
    if (!secret || secret.length > 100) return null;
    return this.links.use(manager, hashSecret(secret), this.clock.now());
  }

  /** Forgets links that expired a day ago or more (a background job). */
  async sweep(): Promise<number> {
    return this.links.deleteExpiredBefore(new Date(this.clock.now().getTime() - 86_400_000));
  }
}
