import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import type { Role } from '@palabre/platform';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';

/** A user's role in one organization. */
@Entity('memberships')
@Unique('memberships_user_organization', ['userId', 'organizationId'])
@Check('memberships_role_known', `"role" IN ('owner', 'admin', 'program', 'desk', 'viewer')`)
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user: Relation<User>;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization: Relation<Organization>;

  @Column({ type: 'text' })
  role: Role;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
