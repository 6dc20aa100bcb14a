import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditEntryResponse, AuditLog, PageOf, PageQueryDto, toAuditResponse, wholePage } from '@palabre/platform';
import {
  ChangeRoleDto,
  InvitationResponse,
  InviteMemberDto,
  MemberResponse,
  MembersService,
  toInvitationResponse,
  toMemberResponse,
  UsersService,
} from '@palabre/identity';
import { actingMember, OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';
import { ApiRoute } from '../common/api-route';

/** An organization's members, invitations and audit trail. `{orgSlug}` outside the caller's organizations answers 404. */
@ApiTags('organizations')
@ApiBearerAuth()
@Controller('api/v1/organizations/:orgSlug')
export class MembersApiController {
  constructor(
    private readonly members: MembersService,
    private readonly audit: AuditLog,
    private readonly users: UsersService,
  ) {}

  @Get('members')
  @ApiRoute({
    summary: 'The organization’s members and their roles',
    permission: 'members:manage',
    ok: { type: PageOf(MemberResponse), description: 'All of them, on one page' },
  })
  async list(@OrganizerOrganization() { organization }: OrganizerContext) {
    return wholePage((await this.members.list(organization.organizationId)).map(toMemberResponse));
  }

  @Post('members')
  @ApiRoute({
    summary: 'Invites someone by email with a role; the link (7 days, single use) signs them in and adds the membership',
    permission: 'members:manage',
    created: InvitationResponse,
    problems: [400, 409],
  })
  async invite(@OrganizerOrganization() ctx: OrganizerContext, @Body() dto: InviteMemberDto) {
    return toInvitationResponse(await this.members.invite(ctx.organization.organizationId, actingMember(ctx), dto, ctx.locale));
  }

  @Patch('members/:id')
  @ApiRoute({
    summary: 'Changes a member’s role (owners only; the last owner stays an owner)',
    permission: 'members:roles',
    ok: MemberResponse,
    problems: [400, 409],
  })
  async changeRole(@OrganizerOrganization() ctx: OrganizerContext, @Param('id') id: string, @Body() dto: ChangeRoleDto) {
    return toMemberResponse(await this.members.changeRole(ctx.organization.organizationId, actingMember(ctx), id, dto.role));
  }

  @Delete('members/:id')
  @ApiRoute({ summary: 'Removes a member (owners only; never the last owner)', permission: 'members:roles', noContent: 'Removed', problems: [409] })
  async remove(@OrganizerOrganization() ctx: OrganizerContext, @Param('id') id: string) {
    await this.members.remove(ctx.organization.organizationId, actingMember(ctx), id);
  }

  @Get('invitations')
  @ApiRoute({ summary: 'Pending invitations', permission: 'members:manage', ok: { type: PageOf(InvitationResponse), description: 'All of them, on one page' } })
  async invitations(@OrganizerOrganization() { organization }: OrganizerContext) {
    return wholePage((await this.members.listInvitations(organization.organizationId)).map(toInvitationResponse));
  }

  @Delete('invitations/:id')
  @ApiRoute({ summary: 'Revokes a pending invitation (its link stops working)', permission: 'members:manage', noContent: 'Revoked' })
  async revokeInvitation(@OrganizerOrganization() ctx: OrganizerContext, @Param('id') id: string) {
    await this.members.revokeInvitation(ctx.organization.organizationId, actingMember(ctx), id);
  }

  @Get('audit')
  @ApiRoute({ summary: 'The audit trail, newest first (owners and admins)', permission: 'audit:read', ok: PageOf(AuditEntryResponse), problems: [400] })
  async auditTrail(@OrganizerOrganization() { organization }: OrganizerContext, @Query() query: PageQueryDto) {
    const page = await this.audit.list(organization.organizationId, query.page ?? 1, query.pageSize ?? 50);
    const actors = await this.users.findByIds(page.items.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])));
    return { items: page.items.map((e) => toAuditResponse(e, actors)), total: page.total, page: page.page, pageSize: page.pageSize };
  }
}
