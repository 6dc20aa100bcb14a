import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { AppConfig, AuditLog, can, Clock, Locale, PlatformError, Role } from '@palabre/platform';
import { OutboxService } from '@palabre/notifications';
import { hashSecret, newSecret } from '../auth/secrets';
import { IdentityError } from '../identity.errors';
import { Membership } from '../memberships/membership.entity';
import { Organization } from '../organizations/organization.entity';
import { normalizeEmail } from '../users/users.service';
import { Invitation } from './invitation.entity';

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
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    private readonly outbox: OutboxService,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async list(organizationId: string): Promise<MemberView[]> {
    const rows = await this.memberships.find({ where: { organizationId }, relations: { user: true }, order: { createdAt: 'ASC' } });
    return rows.map(toMemberView);
  }

  /** Invitations neither accepted, revoked nor expired. */
  async listInvitations(organizationId: string): Promise<InvitationView[]> {
    const rows = await this.invitations.find({
      where: { organizationId, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
      order: { createdAt: 'DESC' },
    });
    return rows.map(toInvitationView);
  }

  /** What the invitation offers, or null when it can no longer be accepted. */
  async previewInvitation(secret: string): Promise<InvitationPreview | null> {
    if (!secret || secret.length > 100) return null;
    const invitation = await this.invitations.findOne({
      where: { tokenHash: hashSecret(secret), acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
      relations: { organization: true },
    });
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
    return this.dataSource.transaction(async (manager) => {
      const organization = await lockOrganization(manager, organizationId, this.config.locks('organization-members'));
      const already = await manager
        .getRepository(Membership)
        .createQueryBuilder('m')
        .innerJoin('m.user', 'u')
        .where('m.organization_id = :organizationId AND u.email = :email', { organizationId, email })
        .getExists();
      if (already) {
        throw new IdentityError('ALREADY_MEMBER', {}, [{ field: 'email', message: { fr: 'Cette personne est déjà membre.', en: 'This person is already a member.' } }]);
      }
      const repo = manager.getRepository(Invitation);
      await repo.update({ organizationId, email, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
      const invitation = await repo.save(
        repo.create({
          organizationId,
          email,
          name: command.name?.trim() ?? '',
          role: command.role,
          tokenHash: hashSecret(secret),
          invitedByUserId: by.userId,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_HOURS * 3600_000),
          createdAt: now,
        }),
      );
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

  async revokeInvitation(organizationId: string, by: MemberActor, invitationId: string): Promise<void> {
    if (!isUUID(invitationId)) throw new IdentityError('INVITATION_NOT_FOUND');
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .getRepository(Invitation)
        .update({ id: invitationId, organizationId, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: this.clock.now() });
      if (!result.affected) throw new IdentityError('INVITATION_NOT_FOUND');
      await this.audit.record(manager, { organizationId, actorUserId: by.userId, action: 'invitation.revoked', entityType: 'invitation', entityId: invitationId });
    });
  }

  /** Changes a member's role; the last owner cannot be demoted. */
  async changeRole(organizationId: string, by: MemberActor, membershipId: string, role: Role): Promise<MemberView> {
    return this.dataSource.transaction(async (manager) => {
      await lockOrganization(manager, organizationId, this.config.locks('organization-members'));
      const member = await findMember(manager, organizationId, membershipId);
      if (member.role !== role) {
        if (member.role === 'owner') await ensureAnotherOwner(manager, organizationId);
        await manager.getRepository(Membership).update({ id: member.id, organizationId }, { role });
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
    return this.dataSource.transaction(async (manager) => {
      await lockOrganization(manager, organizationId, this.config.locks('organization-members'));
      const member = await findMember(manager, organizationId, membershipId);
      if (member.role === 'owner') await ensureAnotherOwner(manager, organizationId);
      await manager.getRepository(Membership).delete({ id: member.id, organizationId });
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
}

/** Serializes membership changes of one organization (FOR UPDATE on its row; `lock` is false only in a negative-control test). */
async function lockOrganization(manager: EntityManager, organizationId: string, lock: boolean): Promise<Organization> {
  const query = manager.getRepository(Organization).createQueryBuilder('o').where('o.id = :organizationId', { organizationId });
  const organization = await (lock ? query.setLock('pessimistic_write') : query).getOne();
  if (!organization) throw new PlatformError('NOT_FOUND');
  return organization;
}

async function findMember(manager: EntityManager, organizationId: string, membershipId: string): Promise<Membership> {
  if (!isUUID(membershipId)) throw new IdentityError('MEMBER_NOT_FOUND');
  const member = await manager.getRepository(Membership).findOne({ where: { id: membershipId, organizationId }, relations: { user: true } });
  if (!member) throw new IdentityError('MEMBER_NOT_FOUND');
  return member;
}

async function ensureAnotherOwner(manager: EntityManager, organizationId: string): Promise<void> {
  const owners = await manager.getRepository(Membership).count({ where: { organizationId, role: 'owner' } });
  if (owners <= 1) throw new IdentityError('LAST_OWNER');
}

function toMemberView(m: Membership): MemberView {
  return { id: m.id, userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt };
}

function toInvitationView(i: Invitation): InvitationView {
  return { id: i.id, email: i.email, name: i.name, role: i.role, invitedByUserId: i.invitedByUserId, createdAt: i.createdAt, expiresAt: i.expiresAt };
}
