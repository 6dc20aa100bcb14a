import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, DeepPartial, EntityManager, IsNull, MoreThan } from 'typeorm';
import type { Role } from '@palabre/platform';
import { Invitation } from './invitation.entity';

/** What an accepted invitation grants. */
export interface AcceptedRow {
  id: string;
  organization_id: string;
  email: string;
  name: string;
  role: Role;
}

/** Neither accepted nor revoked (it may have expired). */
const OPEN = { acceptedAt: IsNull(), revokedAt: IsNull() };

/**
 * Every query of invitations. The members pages' take the organization (the tenant); the
 * invitee's, the secret's hash. Inside a transaction pass its EntityManager.
 */
@Injectable()
export class InvitationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Invitation);
  }

  /** Open and not expired at `now`, newest first. */
  async listPending(organizationId: string, now: Date): Promise<Invitation[]> {
    return this.repo().find({ where: { organizationId, ...OPEN, expiresAt: MoreThan(now) }, order: { createdAt: 'DESC' } });
  }

  async findPendingByHash(tokenHash: string, now: Date): Promise<Invitation | null> {
    return this.repo().findOne({ where: { tokenHash, ...OPEN, expiresAt: MoreThan(now) }, relations: { organization: true } });
  }

  async insert(manager: EntityManager, invitation: DeepPartial<Invitation>): Promise<Invitation> {
    return this.repo(manager).save(this.repo(manager).create(invitation));
  }

  /** Revokes the open invitations of that address. */
  async revokeFor(manager: EntityManager, organizationId: string, email: string, now: Date): Promise<void> {
    await this.repo(manager).update({ organizationId, email, ...OPEN }, { revokedAt: now });
  }

  /** Revokes one open invitation; false when there is none by that id. */
  async revoke(manager: EntityManager, organizationId: string, id: string, now: Date): Promise<boolean> {
    if (!isUUID(id)) return false;
    return !!(await this.repo(manager).update({ id, organizationId, ...OPEN }, { revokedAt: now })).affected;
  }

  /** Accepts the invitation (once: one guarded UPDATE); null when it is unknown, used, revoked or expired. */
  async accept(manager: EntityManager, tokenHash: string, now: Date): Promise<AcceptedRow | null> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await manager.query<[AcceptedRow[], number]>(
      `UPDATE invitations SET accepted_at = $2
        WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2
        RETURNING id, organization_id, email, name, role`,
      [tokenHash, now],
    );
    return rows[0] ?? null;
  }
}
