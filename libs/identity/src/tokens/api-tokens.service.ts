import { Injectable } from '@nestjs/common';
import { Actor, Clock } from '@palabre/platform';
import { hashSecret, newSecret } from '../auth/secrets';
import { IdentityError } from '../identity.errors';
import { UsersService } from '../users/users.service';
import { ApiTokensRepository } from './api-tokens.repository';

export const API_TOKEN_PREFIX = 'plb_';
const DEFAULT_TTL_DAYS = 30;

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
  id: string;
}

export interface ApiTokenView {
  id: string;
  label: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
}

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async issue(userId: string, label = '', ttlDays = DEFAULT_TTL_DAYS): Promise<IssuedToken> {
    const accessToken = newSecret(API_TOKEN_PREFIX);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
    // Dated by the clock: `authenticate` compares it with credentialsChangedAt, which the clock sets too.
    const saved = await this.tokens.insert({ userId, tokenHash: hashSecret(accessToken), label, expiresAt, createdAt: now });
    return { accessToken, expiresAt, id: saved.id };
  }

  /** The actor behind a bearer token, or null when it is unknown, expired, revoked or predates a password change. */
  async authenticate(accessToken: string): Promise<Actor | null> {
    if (!accessToken.startsWith(API_TOKEN_PREFIX) || accessToken.length > 100) return null;
    const token = await this.tokens.findUnrevokedByHash(hashSecret(accessToken));
    const now = this.clock.now();
    if (!token || token.expiresAt <= now) return null;
    const actor = await this.users.actor(token.userId, token.createdAt);
    if (!actor) return null;
    // Touch at most once a minute: a busy integration should not write on every request.
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) await this.tokens.touch(token.id, now);
    return { ...actor, via: 'token' };
  }

  async list(userId: string): Promise<ApiTokenView[]> {
    const rows = await this.tokens.listUnrevoked(userId);
    return rows
      .filter((t) => t.expiresAt > this.clock.now())
      .map((t) => ({ id: t.id, label: t.label, createdAt: t.createdAt, expiresAt: t.expiresAt, lastUsedAt: t.lastUsedAt }));
  }

  /** Revokes one of the user's own tokens (another user's answers TOKEN_NOT_FOUND). */
  async revoke(userId: string, tokenId: string): Promise<void> {
    if (!(await this.tokens.revoke(userId, tokenId, this.clock.now()))) throw new IdentityError('TOKEN_NOT_FOUND');
  }
}
