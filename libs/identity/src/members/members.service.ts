import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, AuditLog, can, Clock, Locale, PlatformError, Role } from '@palabre/platform';
import { OutboxService } from '@palabre/notifications';
import { hashSecret, newSecret } from '../auth/secrets';
import { IdentityError } from '../identity.errors';
import { Membership } from '../memberships/membership.entity';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { Organization } from '../organizations/organization.entity';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { normalizeEmail } from '../users/users.service';
import { Invitation } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';

export const INVITATION_TTL_HOURS = 7 * 24;

/** The page an invitation link opens (a click accepts: mail scanners open links too); the secret is in the query, which the request log leaves out. */
export function invitationPath(secret: string): string {
  return `/admin/invitation?token=${secret}`;
}

export interface MemberView {
  /** The membership's id: what PATCH/DELETE …/members/{id} name. */
  id: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

export interface InvitationView {
  id: string;
  email: string;
  name: string;
  role: Role;
  invitedByUserId: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** What an invitation offers, shown before it is accepted. */
export interface InvitationPreview {
  organizationName: string;
  email: string;
  role: Role;
}

/** Who acts on the members: their user and their role in this organization. */
export interface MemberActor {
  userId: string;
  name: string;
  role: Role;
}

export interface InviteMemberCommand {
  email: string;
  role: Role;
  name?: string;
}

/**
 * An organization's members and invitations. Every method takes the organization id: no
 * call can read or change another organization's members. Each change is audited in its
 * own transaction, and changes are serialized per organization (the organization row is
 * locked), so two owners demoting each other cannot leave it without an owner.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly memberships: MembershipsRepository,
    private readonly invitations: InvitationsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async list(organizationId: string): Promise<MemberView[]> {
    return (await this.memberships.ofOrganization(organizationId)).map(toMemberView);
  }

  /** Invitations neither accepted, revoked nor expired. */
  async listInvitations(organizationId: string): Promise<InvitationView[]> {
    return (await this.invitations.listPending(organizationId, this.clock.now())).map(toInvitationView);
  }

  /** What the invitation offers, or null when it can no longer be accepted. */
  async previewInvitation(secret: string): Promise<InvitationPreview | null> {
    if (!secret || secret.length > 100) return null;
    const invitation = await this.invitations.findPendingByHash(hashSecret(secret), this.clock.now());
    return invitation ? { organizationName: invitation.organization.name, email: invitation.email, role: invitation.role } : null;
  }

  /**
   * Invites someone by email with a role, and emails the link (outbox, same transaction).
   * Inviting again replaces the pending invitation. Only an owner may invite an owner.
   */
  async invite(organizationId: string, by: MemberActor, command: InviteMemberCommand, locale: Locale): Promise<InvitationView> {
    if (command.role === 'owner' && !can(by.role, 'members:roles')) throw new PlatformError('FORBIDDEN');
    const email = normalizeEmail(command.email);
    const secret = newSecret();
    const now = this.clock.now();
    return this.changing(organizationId, async (manager, organization) => {
      if (await this.memberships.hasMemberWithEmail(manager, organizationId, email)) {
        throw new IdentityError('ALREADY_MEMBER', {}, [
          { field: 'email', message: { fr: 'Cette personne est déjà membre.', en: 'This person is already a member.' } },
        ]);
      }
      await this.invitations.revokeFor(manager, organizationId, email, now);
      const invitation = await this.invitations.insert(manager, {
        organizationId,
        email,
        name: command.name?.trim() ?? '',
        role: command.role,
        tokenHash: hashSecret(secret),
        invitedByUserId: by.userId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_HOURS * 3600_000),
        createdAt: now,
      });
      await this.outbox.enqueue(manager, {
        to: email,
        template: 'member.invitation',
        locale,
        data: {
          organizationName: organization.name,
          inviterName: by.name,
          role: command.role,
          link: `${this.config.publicUrl}${invitationPath(secret)}`,
          expiresInHours: INVITATION_TTL_HOURS,
        },
        dedupeKey: `invitation:${invitation.id}`,
        organizationId,
      });
      await this.audit.record(manager, {
        organizationId,
        actorUserId: by.userId,
        action: 'member.invited',
        entityType: 'invitation',
        entityId: invitation.id,
        changes: { email, role: command.role },
      });
      return toInvitationView(invitation);
    });
  }

  /**
   * The first owner of an organization that has no member yet (one another context just
   * created, e.g. a partner of an event): an invitation as owner, in the caller's transaction,
   * whose link the caller emails with its own message. Null when the organization already has
   * members: nobody outside it may add people to it.
   */
  async inviteFirstOwner(
    manager: EntityManager,
    organizationId: string,
    invitee: { email: string; name?: string; invitedByUserId: string },
  ): Promise<{ invitation: InvitationView; link: string } | null> {
    if ((await this.memberships.countMembers(manager, organizationId)) > 0) return null;
    const email = normalizeEmail(invitee.email);
    const secret = newSecret();
    const now = this.clock.now();
    await this.invitations.revokeFor(manager, organizationId, email, now);
    const invitation = await this.invitations.insert(manager, {
      organizationId,
      email,
      name: invitee.name?.trim() ?? '',
      role: 'owner',
      tokenHash: hashSecret(secret),
      invitedByUserId: invitee.invitedByUserId,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_HOURS * 3600_000),
      createdAt: now,
    });
    return { invitation: toInvitationView(invitation), link: `${this.config.publicUrl}${invitationPath(secret)}` };
  }

  /** The addresses of an organization's owners (to tell them of something that concerns it). */
  async ownerEmails(organizationId: string): Promise<string[]> {
    return (await this.memberships.ofOrganization(organizationId)).filter((m) => m.role === 'owner').map((m) => m.user.email);
  }

  async revokeInvitation(organizationId: string, by: MemberActor, invitationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.invitations.revoke(manager, organizationId, invitationId, this.clock.now()))) throw new IdentityError('INVITATION_NOT_FOUND');
      await this.audit.record(manager, {
        organizationId,
        actorUserId: by.userId,
        action: 'invitation.revoked',
        entityType: 'invitation',
        entityId: invitationId,
      });
    });
  }

  /** Changes a member's role; the last owner cannot be demoted. */
  async changeRole(organizationId: string, by: MemberActor, membershipId: string, role: Role): Promise<MemberView> {
    return this.changing(organizationId, async (manager) => {
      const member = await this.findMember(manager, organizationId, membershipId);
      if (member.role !== role) {
        if (member.role === 'owner') await this.ensureAnotherOwner(manager, organizationId);
        await this.memberships.setRole(manager, organizationId, member.id, role);
        await this.audit.record(manager, {
          organizationId,
          actorUserId: by.userId,
          action: 'member.role_changed',
          entityType: 'membership',
          entityId: member.id,
          changes: { email: member.user.email, role: { from: member.role, to: role } },
        });
        member.role = role;
      }
      return toMemberView(member);
    });
  }

  /** Removes a member (and answers who it was); the last owner cannot be removed. */
  async remove(organizationId: string, by: MemberActor, membershipId: string): Promise<MemberView> {
    return this.changing(organizationId, async (manager) => {
      const member = await this.findMember(manager, organizationId, membershipId);
      if (member.role === 'owner') await this.ensureAnotherOwner(manager, organizationId);
      await this.memberships.delete(manager, organizationId, member.id);
      await this.audit.record(manager, {
        organizationId,
        actorUserId: by.userId,
        action: 'member.removed',
        entityType: 'membership',
        entityId: member.id,
        changes: { email: member.user.email, role: member.role },
      });
      return toMemberView(member);
    });
  }

  /**
   * A change to the members in a transaction of its own, serialized per organization (FOR
   * UPDATE on its row, left out only by a negative-control test).
   */
  private changing<T>(organizationId: string, work: (manager: EntityManager, organization: Organization) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await this.organizations.lock(manager, organizationId, this.config.locks('organization-members'));
      if (!organization) throw new PlatformError('NOT_FOUND');
      return work(manager, organization);
    });
  }

  private async findMember(manager: EntityManager, organizationId: string, membershipId: string): Promise<Membership> {
    const member = await this.memberships.find(manager, organizationId, membershipId);
    if (!member) throw new IdentityError('MEMBER_NOT_FOUND');
    return member;
  }

  private async ensureAnotherOwner(manager: EntityManager, organizationId: string): Promise<void> {
    if ((await this.memberships.countOwners(manager, organizationId)) <= 1) throw new IdentityError('LAST_OWNER');
  }
}

function toMemberView(m: Membership): MemberView {
  return { id: m.id, userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt };
}

function toInvitationView(i: Invitation): InvitationView {
  return { id: i.id, email: i.email, name: i.name, role: i.role, invitedByUserId: i.invitedByUserId, createdAt: i.createdAt, expiresAt: i.expiresAt };
}
