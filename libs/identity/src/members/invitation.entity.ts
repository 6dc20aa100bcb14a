import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Role } from '@palabre/platform';
import { Organization } from '../organizations/organization.entity';

/**
 * An invitation to join an organization with a role. Single use: accepting sets acceptedAt
 * in one guarded UPDATE. Only the SHA-256 of its 256-bit secret is stored.
 */
@Entity('invitations')
@Check('invitations_role_known', `"role" IN ('owner', 'admin', 'program', 'desk', 'viewer')`)
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization: Relation<Organization>;

  /** Lower-cased. */
  @Column({ type: 'text' })
  email: string;

  /** The name to give the account if the invitee has none yet. */
  @Column({ type: 'text', default: '' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  @Column({ type: 'uuid', nullable: true })
  invitedByUserId: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
