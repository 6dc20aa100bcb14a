import { Column, Index, ManyToOne, Relation } from 'typeorm';
import { UuidEntity, type Role } from '@palabre/platform';
import { Organization } from '../organizations/organization.entity';

/** A role in one organization: held (a membership) or offered (an invitation). */
export abstract class RoleInOrganization extends UuidEntity {
  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization: Relation<Organization>;

  @Column({ type: 'text' })
  role: Role;
}
