import { Index, ManyToOne, Relation } from 'typeorm';
import { type Role, TextColumn, UuidColumn, UuidEntity } from '@palabre/platform';
import { Organization } from '../organizations/organization.entity';

/** A role in one organization: held (a membership) or offered (an invitation). */
export abstract class RoleInOrganization extends UuidEntity {
  @Index()
  @UuidColumn()
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization: Relation<Organization>;

  @TextColumn()
  role: Role;
}
