import { Check, Entity } from 'typeorm';
import { TextColumn, TimestampColumn, UuidColumn } from '@palabre/platform';
import { RoleInOrganization } from '../memberships/role-in-organization';

/**
 * An invitation to join an organization with a role. Single use: accepting sets acceptedAt
 * in one guarded UPDATE. Only the SHA-256 of its 256-bit secret is stored.
 */
@Entity('invitations')
@Check('invitations_role_known', `"role" IN ('owner', 'admin', 'program', 'desk', 'viewer')`)
export class Invitation extends RoleInOrganization {
  /** Lower-cased. */
  @TextColumn() email: string;

  /** The name to give the account if the invitee has none yet. */
  @TextColumn({ default: '' }) name: string;
  @TextColumn({ unique: true }) tokenHash: string;
  @UuidColumn({ nullable: true }) invitedByUserId: string | null;
  @TimestampColumn() expiresAt: Date;
  @TimestampColumn({ nullable: true }) acceptedAt: Date | null;
  @TimestampColumn({ nullable: true }) revokedAt: Date | null;
  @TimestampColumn() createdAt: Date;
}
