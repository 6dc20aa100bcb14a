import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AuditEntryResponse, AuditLog, Authenticated, PageOf, PageQueryDto, toAuditResponse, wholePage } from '@palabre/platform';
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
  @Authenticated('members:manage')
  @ApiOkResponse({ type: PageOf(MemberResponse), description: 'All of them, on one page' })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'The organization’s members and their roles' })
  async list(@OrganizerOrganization() { organization }: OrganizerContext) {
    return wholePage((await this.members.list(organization.organizationId)).map(toMemberResponse));
  }

  @Post('members')
  @Authenticated('members:manage')
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Invites someone by email with a role; the link (7 days, single use) signs them in and adds the membership' })
  async invite(@OrganizerOrganization() ctx: OrganizerContext, @Body() dto: InviteMemberDto) {
    return toInvitationResponse(await this.members.invite(ctx.organization.organizationId, actingMember(ctx), dto, ctx.locale));
  }

  @Patch('members/:id')
  @Authenticated('members:roles')
  @ApiOkResponse({ type: MemberResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Changes a member’s role (owners only; the last owner stays an owner)' })
  async changeRole(@OrganizerOrganization() ctx: OrganizerContext, @Param('id') id: string, @Body() dto: ChangeRoleDto) {
    return toMemberResponse(await this.members.changeRole(ctx.organization.organizationId, actingMember(ctx), id, dto.role));
  }

  @Delete('members/:id')
  @HttpCode(204)
  @Authenticated('members:roles')
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'Removes a member (owners only; never the last owner)' })
  async remove(@OrganizerOrganization() ctx: OrganizerContext, @Param('id') id: string) {
    await this.members.remove(ctx.organization.organizationId, actingMember(ctx), id);
  }

  @Get('invitations')
  @Authenticated('members:manage')
  @ApiOkResponse({ type: PageOf(InvitationResponse), description: 'All of them, on one page' })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'Pending invitations' })
  async invitations(@OrganizerOrganization() { organization }: OrganizerContext) {
    return wholePage((await this.members.listInvitations(organization.organizationId)).map(toInvitationResponse));
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @Authenticated('members:manage')
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'Revokes a pending invitation (its link stops working)' })
  async revokeInvitation(@OrganizerOrganization() ctx: OrganizerContext, @Param('id') id: string) {
    await this.members.revokeInvitation(ctx.organization.organizationId, actingMember(ctx), id);
  }

  @Get('audit')
  @Authenticated('audit:read')
  @ApiOkResponse({ type: PageOf(AuditEntryResponse) })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: 'The audit trail, newest first (owners and admins)' })
  async auditTrail(@OrganizerOrganization() { organization }: OrganizerContext, @Query() query: PageQueryDto) {
    const page = await this.audit.list(organization.organizationId, query.page ?? 1, query.pageSize ?? 50);
    const actors = await this.users.findByIds(page.items.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])));
    return { items: page.items.map((e) => toAuditResponse(e, actors)), total: page.total, page: page.page, pageSize: page.pageSize };
  }
}
