import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Actor, Clock } from '@palabre/platform';
import { hashSecret, newSecret } from '../auth/secrets';
import { IdentityError } from '../identity.errors';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ApiToken } from './api-token.entity';

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
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly usersService: UsersService,
    private readonly clock: Clock,
  ) {}

  async issue(userId: string, label = '', ttlDays = DEFAULT_TTL_DAYS): Promise<IssuedToken> {
    const accessToken = newSecret(API_TOKEN_PREFIX);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
    // Dated by the clock: `authenticate` compares it with credentialsChangedAt, which the clock sets too.
    const saved = await this.tokens.save(this.tokens.create({ userId, tokenHash: hashSecret(accessToken), label, expiresAt, createdAt: now }));
    return { accessToken, expiresAt, id: saved.id };
  }

  /** The actor behind a bearer token, or null when it is unknown, expired, revoked or predates a password change. */
  async authenticate(accessToken: string): Promise<Actor | null> {
    if (!accessToken.startsWith(API_TOKEN_PREFIX) || accessToken.length > 100) return null;
    const token = await this.tokens.findOne({ where: { tokenHash: hashSecret(accessToken), revokedAt: IsNull() } });
    const now = this.clock.now();
    if (!token || token.expiresAt <= now) return null;
    const user = await this.users.findOne({ where: { id: token.userId } });
    if (!user || user.credentialsChangedAt > token.createdAt) return null;
    // Touch at most once a minute: a busy integration should not write on every request.
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
      await this.tokens.update({ id: token.id }, { lastUsedAt: now });
    }
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      memberships: await this.usersService.membershipsOf(user.id),
      via: 'token',
    };
  }

  async list(userId: string): Promise<ApiTokenView[]> {
    const rows = await this.tokens.find({ where: { userId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
    return rows.filter((t) => t.expiresAt > this.clock.now()).map((t) => ({ id: t.id, label: t.label, createdAt: t.createdAt, expiresAt: t.expiresAt, lastUsedAt: t.lastUsedAt }));
  }

  /** Revokes one of the user's own tokens (another user's answers TOKEN_NOT_FOUND). */
  async revoke(userId: string, tokenId: string): Promise<void> {
    if (!isUUID(tokenId)) throw new IdentityError('TOKEN_NOT_FOUND');
    const result = await this.tokens.update({ id: tokenId, userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    if (!result.affected) throw new IdentityError('TOKEN_NOT_FOUND');
  }
}
