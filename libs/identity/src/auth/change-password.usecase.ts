import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, RateLimiter } from '@palabre/platform';
import { IdentityError } from '../identity.errors';
import { MagicLinksService } from '../magic-links/magic-links.service';
import { SessionMeta, SignInSessionsService, StartedSession } from '../sign-in-sessions/sign-in-sessions.service';
import { UsersRepository } from '../users/users.repository';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';
import { PASSWORD_CHECK_FAILURES } from './rate-limits';

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

/**
 * Changes (or sets) the password and signs out everywhere: every session and API token
 * issued before now stops working, and so does every sign-in link not used yet. The asking
 * browser gets a fresh session. Wrong current passwords are limited (PASSWORD_CHECK_FAILURES).
 * A use case: the user, their sign-in sessions and their sign-in links change in one transaction.
 */
@Injectable()
export class ChangePassword {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SignInSessionsService,
    private readonly links: MagicLinksService,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  async execute(command: ChangePasswordCommand, meta: SessionMeta): Promise<StartedSession | null> {
    const user = await this.users.findById(command.userId);
    if (!user) throw new Error(`user ${command.userId} not found`);
    if (user.passwordHash) {
      const attempt = await this.limiter.attempt(PASSWORD_CHECK_FAILURES, user.id, { ip: meta.ip });
      if (!(await this.hasher.verify(user.passwordHash, command.currentPassword ?? ''))) {
        throw new IdentityError('WRONG_PASSWORD', {}, [
          { field: 'currentPassword', message: { fr: 'Mot de passe actuel incorrect.', en: 'Current password is incorrect.' } },
        ]);
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
      await this.users.setPassword(user.id, passwordHash, now, manager);
      await this.sessions.endAll(user.id, manager);
      // A link asked for (or stolen) before the change must not open a session after it.
      await this.links.voidAll(manager, user.id);
      return command.openSession ? this.sessions.start(manager, user.id, meta) : null;
    });
  }
}
