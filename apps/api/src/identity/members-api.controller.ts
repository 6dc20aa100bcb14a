import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, ApiProblems, AuditEntryResponse, AuditLog, Authenticated, CurrentActor, PageOf, PageQueryDto, requireOrganization, resolveLocale, toAuditResponse, wholePage } from '@palabre/platform';
import { ChangeRoleDto, InvitationResponse, InviteMemberDto, MemberResponse, MembersService, toInvitationResponse, toMemberResponse, UsersService } from '@palabre/identity';

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
  async list(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string) {
    const org = requireOrganization(actor, orgSlug, 'members:manage');
    return wholePage((await this.members.list(org.organizationId)).map(toMemberResponse));
  }

  @Post('members')
  @Authenticated('members:manage')
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Invites someone by email with a role; the link (7 days, single use) signs them in and adds the membership' })
  async invite(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Body() dto: InviteMemberDto, @Req() req: FastifyRequest) {
    const org = requireOrganization(actor, orgSlug, 'members:manage');
    const invitation = await this.members.invite(org.organizationId, { userId: actor.userId, name: actor.name, role: org.role }, dto, resolveLocale(req));
    return toInvitationResponse(invitation);
  }

  @Patch('members/:id')
  @Authenticated('members:roles')
  @ApiOkResponse({ type: MemberResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Changes a member’s role (owners only; the last owner stays an owner)' })
  async changeRole(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('id') id: string, @Body() dto: ChangeRoleDto) {
    const org = requireOrganization(actor, orgSlug, 'members:roles');
    return toMemberResponse(await this.members.changeRole(org.organizationId, { userId: actor.userId, name: actor.name, role: org.role }, id, dto.role));
  }

  @Delete('members/:id')
  @HttpCode(204)
  @Authenticated('members:roles')
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'Removes a member (owners only; never the last owner)' })
  async remove(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('id') id: string) {
    const org = requireOrganization(actor, orgSlug, 'members:roles');
    await this.members.remove(org.organizationId, { userId: actor.userId, name: actor.name, role: org.role }, id);
  }

  @Get('invitations')
  @Authenticated('members:manage')
  @ApiOkResponse({ type: PageOf(InvitationResponse), description: 'All of them, on one page' })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'Pending invitations' })
  async invitations(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string) {
    const org = requireOrganization(actor, orgSlug, 'members:manage');
    return wholePage((await this.members.listInvitations(org.organizationId)).map(toInvitationResponse));
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @Authenticated('members:manage')
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'Revokes a pending invitation (its link stops working)' })
  async revokeInvitation(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('id') id: string) {
    const org = requireOrganization(actor, orgSlug, 'members:manage');
    await this.members.revokeInvitation(org.organizationId, { userId: actor.userId, name: actor.name, role: org.role }, id);
  }

  @Get('audit')
  @Authenticated('audit:read')
  @ApiOkResponse({ type: PageOf(AuditEntryResponse) })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: 'The audit trail, newest first (owners and admins)' })
  async auditTrail(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Query() query: PageQueryDto) {
    const org = requireOrganization(actor, orgSlug, 'audit:read');
    const page = await this.audit.list(org.organizationId, query.page ?? 1, query.pageSize ?? 50);
    const actors = await this.users.findByIds(page.items.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])));
    return { items: page.items.map((e) => toAuditResponse(e, actors)), total: page.total, page: page.page, pageSize: page.pageSize };
  }
}
