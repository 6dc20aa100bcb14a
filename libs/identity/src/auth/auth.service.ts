import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addressGroup, Clock, RateLimiter } from '@palabre/platform';
import { IdentityError } from '../identity.errors';
import { SessionMeta, SignInSessionsService, StartedSession } from '../sign-in-sessions/sign-in-sessions.service';
import { ApiTokensService, IssuedToken } from '../tokens/api-tokens.service';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { normalizeEmail } from '../users/users.service';
import { PasswordHasher } from './password-hasher';
import { SIGN_IN_FAILURES } from './rate-limits';

/** Credentials: checking a password, and what a checked password opens (an API token, a sign-in session). */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: ApiTokensService,
    private readonly sessions: SignInSessionsService,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  /**
   * The user if the password matches. An unknown email and a wrong password fail the same
   * way, in the same time (the hasher verifies a dummy hash), so no answer tells which.
   * Failures are logged with the address, never the password, and counted per account and
   * client address (SIGN_IN_FAILURES): past the limit, that address gets RATE_LIMITED for that
   * account, while the owner's own address is unaffected.
   */
  async verifyPassword(email: string, password: string, from: SessionMeta = {}): Promise<User> {
    const normalized = normalizeEmail(email);
    const address = from.ip ? addressGroup(from.ip) : 'unknown';
    const attempt = await this.limiter.attempt(SIGN_IN_FAILURES, `${normalized} ${address}`, { ip: from.ip });
    const user = await this.users.findByEmail(normalized);
    const ok = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !ok) {
      this.logger.warn({ email: normalized, ip: from.ip }, 'failed sign-in');
      throw new IdentityError('INVALID_CREDENTIALS');
    }
    await attempt.forgive();
    return user;
  }

  /** `POST /api/v1/auth/token`: a bearer token for the API. */
  async issueApiToken(email: string, password: string, from: SessionMeta = {}, label = 'api'): Promise<IssuedToken> {
    const user = await this.verifyPassword(email, password, from);
    return this.tokens.issue(user.id, label);
  }

  /** The back-office sign-in: a new session (the browser's previous one, if any, ends). */
  async signIn(email: string, password: string, meta: SessionMeta, replacing?: string): Promise<{ userId: string; session: StartedSession }> {
    const user = await this.verifyPassword(email, password, meta);
    const session = await this.dataSource.transaction((manager) => this.sessions.start(manager, user.id, meta, replacing));
    return { userId: user.id, session };
  }

  /** Whether the user has a password (accounts made by invitation or for speakers may not). */
  async hasPassword(userId: string): Promise<boolean> {
    return !!(await this.users.findById(userId))?.passwordHash;
  }
}
