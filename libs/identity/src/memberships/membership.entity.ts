import { Check, CreateDateColumn, Entity, ManyToOne, Relation, Unique } from 'typeorm';
import { UuidColumn } from '@palabre/platform';
import { User } from '../users/user.entity';
import { RoleInOrganization } from './role-in-organization';

/** A user's role in one organization. */
@Entity('memberships')
@Unique('memberships_user_organization', ['userId', 'organizationId'])
@Check('memberships_role_known', `"role" IN ('owner', 'admin', 'program', 'desk', 'viewer')`)
export class Membership extends RoleInOrganization {
  @UuidColumn() userId: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' }) user: Relation<User>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
