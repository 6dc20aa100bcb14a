import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog, Clock } from '@palabre/platform';
import { hashSecret } from '../auth/secrets';
import { IdentityError } from '../identity.errors';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { SessionMeta, SignInSessionsService, StartedSession } from '../sign-in-sessions/sign-in-sessions.service';
import { InvitationsRepository } from './invitations.repository';

export interface AcceptedInvitation {
  userId: string;
  organizationSlug: string;
  session: StartedSession;
}

/**
 * Accepting an invitation: the link proves the invitee holds the address, so it signs them
 * in (their account is created if new) and adds the membership — once, in one transaction.
 * A use case: the invitation, the user, the membership and a sign-in session change together.
 * (What an invitation offers, before it is accepted, is MembersService.previewInvitation.)
 */
@Injectable()
export class AcceptInvitation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly sessions: SignInSessionsService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(secret: string, meta: SessionMeta, replacing?: string): Promise<AcceptedInvitation> {
    if (!secret || secret.length > 100) throw new IdentityError('INVITATION_INVALID');
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.accept(manager, hashSecret(secret), now);
      if (!invitation) throw new IdentityError('INVITATION_INVALID');
      const organization = await this.organizations.findById(invitation.organization_id, manager);
      if (!organization) throw new IdentityError('INVITATION_INVALID');
      const user = await this.users.findOrCreate(invitation.email, invitation.name || invitation.email.split('@')[0], manager);
      // Someone already in the organization keeps their role: an old invitation must not demote an owner.
      const membershipId = await this.memberships.insertIfAbsent(manager, user.id, organization.id, invitation.role);
      if (membershipId) {
        await this.audit.record(manager, {
          organizationId: organization.id,
          actorUserId: user.id,
          action: 'member.joined',
          entityType: 'membership',
          entityId: membershipId,
          changes: { email: user.email, role: invitation.role, invitationId: invitation.id },
        });
      }
      const session = await this.sessions.start(manager, user.id, meta, replacing);
      return { userId: user.id, organizationSlug: organization.slug, session };
    });
  }
}
