import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { Actor, Clock } from '@palabre/platform';
import { hashSecret, newSecret } from '../auth/secrets';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { SignInSession } from './sign-in-session.entity';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 24 * 3600_000;
/** …and after this long in any case. */
export const SESSION_ABSOLUTE_MS = 14 * 24 * 3600_000;
/** lastSeenAt and the sliding expiry are written at most this often, not on every request. */
const TOUCH_MS = 5 * 60_000;

export interface StartedSession {
  id: string;
  /** The cookie's value; shown once, stored only hashed. */
  secret: string;
  expiresAt: Date;
}

export interface SessionMeta {
  ip?: string;
  userAgent?: string;
}

/**
 * Sign-in sessions: a signed-in browser, kept server-side in PostgreSQL (table `sessions`) behind
 * the back-office cookie. Not to be confused with the program's sessions (talks, panels).
 */
@Injectable()
export class SignInSessionsService {
  constructor(
    @InjectRepository(SignInSession) private readonly sessions: Repository<SignInSession>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly usersService: UsersService,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens a session for the user, inside the caller's transaction. The session the browser
   * held before (`replacing`) is ended: the identifier changes at every sign-in (no fixation).
   */
  async start(manager: EntityManager, userId: string, meta: SessionMeta = {}, replacing?: string): Promise<StartedSession> {
    const repo = manager.getRepository(SignInSession);
    if (replacing) await repo.delete({ tokenHash: hashSecret(replacing) });
    const secret = newSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
    const saved = await repo.save(
      repo.create({
        userId,
        tokenHash: hashSecret(secret),
        csrfToken: newSecret(),
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ip: (meta.ip ?? '').slice(0, 64),
        userAgent: (meta.userAgent ?? '').slice(0, 300),
      }),
    );
    return { id: saved.id, secret, expiresAt };
  }

  /** The actor behind a session cookie, or null when unknown, expired, or older than a password change. */
  async resolve(secret: string): Promise<Actor | null> {
    if (!secret || secret.length > 100) return null;
    const session = await this.sessions.findOne({ where: { tokenHash: hashSecret(secret) } });
    const now = this.clock.now();
    if (!session || session.expiresAt <= now) return null;
    const user = await this.users.findOne({ where: { id: session.userId } });
    if (!user || user.credentialsChangedAt > session.createdAt) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_MS) {
      const cap = session.createdAt.getTime() + SESSION_ABSOLUTE_MS;
      await this.sessions.update({ id: session.id }, { lastSeenAt: now, expiresAt: new Date(Math.min(now.getTime() + SESSION_IDLE_MS, cap)) });
    }
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      memberships: await this.usersService.membershipsOf(user.id),
      via: 'session',
      sessionId: session.id,
      csrfToken: session.csrfToken,
    };
  }

  /** Sign-out: the session stops working at once. */
  async end(secret: string): Promise<void> {
    await this.sessions.delete({ tokenHash: hashSecret(secret) });
  }

  /** "Sign out everywhere", and what a password change does. */
  async endAll(userId: string, manager?: EntityManager): Promise<number> {
    const repo = manager ? manager.getRepository(SignInSession) : this.sessions;
    return (await repo.delete({ userId })).affected ?? 0;
  }

  async countActive(userId: string): Promise<number> {
    return this.sessions.count({ where: { userId, expiresAt: MoreThan(this.clock.now()) } });
  }

  /** When the session was opened (to ask for a recent sign-in before sensitive changes). */
  async startedAt(sessionId: string): Promise<Date | null> {
    return (await this.sessions.findOne({ where: { id: sessionId } }))?.createdAt ?? null;
  }

  /** Forgets ended sessions (a background job). */
  async sweep(): Promise<number> {
    return (await this.sessions.delete({ expiresAt: LessThanOrEqual(this.clock.now()) })).affected ?? 0;
  }
}
