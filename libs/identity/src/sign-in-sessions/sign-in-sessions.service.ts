import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Clock } from '@palabre/platform';
import { hashSecret, newSecret } from '../auth/secrets';
import { UsersService } from '../users/users.service';
import { SignInSessionsRepository } from './sign-in-sessions.repository';

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
    private readonly sessions: SignInSessionsRepository,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens a session for the user, inside the caller's transaction. The session the browser
   * held before (`replacing`) is ended: the identifier changes at every sign-in (no fixation).
   */
  async start(manager: EntityManager, userId: string, meta: SessionMeta = {}, replacing?: string): Promise<StartedSession> {
    if (replacing) await this.sessions.deleteByHash(hashSecret(replacing), manager);
    const secret = newSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
    const saved = await this.sessions.insert(manager, {
      userId,
      tokenHash: hashSecret(secret),
      csrfToken: newSecret(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: (meta.ip ?? '').slice(0, 64),
      userAgent: (meta.userAgent ?? '').slice(0, 300),
    });
    return { id: saved.id, secret, expiresAt };
  }

  /** The actor behind a session cookie, or null when unknown, expired, or older than a password change. */
  async resolve(secret: string): Promise<Actor | null> {
    if (!secret || secret.length > 100) return null;
    const session = await this.sessions.findByHash(hashSecret(secret));
    const now = this.clock.now();
    if (!session || session.expiresAt <= now) return null;
    const actor = await this.users.actor(session.userId, session.createdAt);
    if (!actor) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_MS) {
      const cap = session.createdAt.getTime() + SESSION_ABSOLUTE_MS;
      await this.sessions.touch(session.id, now, new Date(Math.min(now.getTime() + SESSION_IDLE_MS, cap)));
    }
    return { ...actor, via: 'session', sessionId: session.id, csrfToken: session.csrfToken };
  }

  /** Sign-out: the session stops working at once. */
  async end(secret: string): Promise<void> {
    await this.sessions.deleteByHash(hashSecret(secret));
  }

  /** "Sign out everywhere", and what a password change does. */
  async endAll(userId: string, manager?: EntityManager): Promise<number> {
    return this.sessions.deleteAllOf(userId, manager);
  }

  async countActive(userId: string): Promise<number> {
    return this.sessions.countActive(userId, this.clock.now());
  }

  /** When the session was opened (to ask for a recent sign-in before sensitive changes). */
  async startedAt(sessionId: string): Promise<Date | null> {
    return (await this.sessions.findById(sessionId))?.createdAt ?? null;
  }

  /** Forgets ended sessions (a background job). */
  async sweep(): Promise<number> {
    return this.sessions.deleteExpired(this.clock.now());
  }
}
