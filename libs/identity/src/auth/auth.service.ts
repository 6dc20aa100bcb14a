import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addressGroup, Clock, RateLimiter } from '@palabre/platform';
import { IdentityError } from '../identity.errors';
import { MagicLinksService } from '../magic-links/magic-links.service';
import { SessionMeta, SessionsService, StartedSession } from '../sessions/sessions.service';
import { ApiTokensService, IssuedToken } from '../tokens/api-tokens.service';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { normalizeEmail } from '../users/users.service';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';
import { PASSWORD_CHECK_FAILURES, SIGN_IN_FAILURES } from './rate-limits';

/** Setting a first password (an account made by invitation) needs a sign-in this recent. */
const RECENT_SIGN_IN_MS = 60 * 60_000;

export interface ChangePasswordCommand {
  userId: string;
  /** The session that asks; it is replaced by a fresh one, every other one ends. */
  sessionId?: string;
  currentPassword?: string;
  newPassword: string;
  /** A browser changing its password stays signed in with a fresh session; an API client gets none. */
  openSession: boolean;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: ApiTokensService,
    private readonly sessions: SessionsService,
    private readonly links: MagicLinksService,
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

  /**
   * Changes (or sets) the password and signs out everywhere: every session and API token
   * issued before now stops working, and so does every sign-in link not used yet. The asking
   * browser gets a fresh session. Wrong current passwords are limited (PASSWORD_CHECK_FAILURES).
   */
  async changePassword(command: ChangePasswordCommand, meta: SessionMeta): Promise<StartedSession | null> {
    const user = await this.users.findById(command.userId);
    if (!user) throw new Error(`user ${command.userId} not found`);
    if (user.passwordHash) {
      const attempt = await this.limiter.attempt(PASSWORD_CHECK_FAILURES, user.id, { ip: meta.ip });
      if (!(await this.hasher.verify(user.passwordHash, command.currentPassword ?? ''))) {
        throw new IdentityError('WRONG_PASSWORD', {}, [{ field: 'currentPassword', message: { fr: 'Mot de passe actuel incorrect.', en: 'Current password is incorrect.' } }]);
      }
      await attempt.forgive();
    } else {
      // Without a current password to ask for, a stolen session must not be enough to set one.
      const startedAt = command.sessionId ? await this.sessions.startedAt(command.sessionId) : null;
      if (!startedAt || this.clock.now().getTime() - startedAt.getTime() > RECENT_SIGN_IN_MS) throw new IdentityError('RECENT_SIGN_IN_REQUIRED');
    }
    const problem = passwordProblem(command.newPassword, user.email);
    if (problem) throw new IdentityError('WEAK_PASSWORD', {}, [{ field: 'newPassword', message: problem }]);
    const passwordHash = await this.hasher.hash(command.newPassword);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      await this.users.setPassword(manager, user.id, passwordHash, now);
      await this.sessions.endAll(user.id, manager);
      // A link asked for (or stolen) before the change must not open a session after it.
      await this.links.voidAll(manager, user.id);
      return command.openSession ? this.sessions.start(manager, user.id, meta) : null;
    });
  }
}
