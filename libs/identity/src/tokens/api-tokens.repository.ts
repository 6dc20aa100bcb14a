import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, DeepPartial, IsNull } from 'typeorm';
import { ApiToken } from './api-token.entity';

/** Every query of API tokens; a user's own, or the one a secret's hash names. */
@Injectable()
export class ApiTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ApiToken);
  }

  async insert(token: DeepPartial<ApiToken>): Promise<ApiToken> {
    return this.repo.save(this.repo.create(token));
  }

  async findUnrevokedByHash(tokenHash: string): Promise<ApiToken | null> {
    return this.repo.findOne({ where: { tokenHash, revokedAt: IsNull() } });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { lastUsedAt: at });
  }

  /** The user's unrevoked tokens, newest first (expired ones included). */
  async listUnrevoked(userId: string): Promise<ApiToken[]> {
    return this.repo.find({ where: { userId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  /** Revokes one of the user's own tokens; false when they have none by that id. */
  async revoke(userId: string, id: string, at: Date): Promise<boolean> {
    if (!isUUID(id)) return false;
    return !!(await this.repo.update({ id, userId, revokedAt: IsNull() }, { revokedAt: at })).affected;
  }
}
