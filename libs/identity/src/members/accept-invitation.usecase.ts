import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog, Clock, Role } from '@palabre/platform';
import { hashSecret } from '../auth/secrets';
import { IdentityError } from '../identity.errors';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { UsersService } from '../users/users.service';
import { SessionMeta, SessionsService, StartedSession } from '../sessions/sessions.service';
import { InvitationsRepository } from './invitations.repository';

export interface InvitationPreview {
  organizationName: string;
  email: string;
  role: Role;
}

export interface AcceptedInvitation {
  userId: string;
  organizationSlug: string;
  session: StartedSession;
}

/**
 * Accepting an invitation: the link proves the invitee holds the address, so it signs them
 * in (their account is created if new) and adds the membership — once, in one transaction.
 */
@Injectable()
export class AcceptInvitation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** What the invitation offers, or null when it can no longer be accepted. */
  async preview(secret: string): Promise<InvitationPreview | null> {
    if (!secret || secret.length > 100) return null;
    const invitation = await this.invitations.findPendingByHash(hashSecret(secret), this.clock.now());
    return invitation ? { organizationName: invitation.organization.name, email: invitation.email, role: invitation.role } : null;
  }

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
