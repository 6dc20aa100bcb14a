import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, AuditLog, Authenticated, CurrentActor, PageQueryDto, requireOrganization, resolveLocale } from '@palabre/platform';
import { ChangeRoleDto, InviteMemberDto, MembersService, UsersService } from '@palabre/identity';
import { toAuditResponse, toInvitationResponse, toMemberResponse } from './responses';

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
  @ApiOperation({ summary: 'The organization’s members and their roles' })
  async list(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string) {
    const org = requireOrganization(actor, orgSlug, 'members:manage');
    const items = (await this.members.list(org.organizationId)).map(toMemberResponse);
    return { items, total: items.length, page: 1, pageSize: items.length };
  }

  @Post('members')
  @Authenticated('members:manage')
  @ApiOperation({ summary: 'Invites someone by email with a role; the link (7 days, single use) signs them in and adds the membership' })
  async invite(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Body() dto: InviteMemberDto, @Req() req: FastifyRequest) {
    const org = requireOrganization(actor, orgSlug, 'members:manage');
    const invitation = await this.members.invite(org.organizationId, { userId: actor.userId, name: actor.name, role: org.role }, dto, resolveLocale(req));
    return toInvitationResponse(invitation);
  }

  @Patch('members/:id')
  @Authenticated('members:roles')
  @ApiOperation({ summary: 'Changes a member’s role (owners only; the last owner stays an owner)' })
  async changeRole(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('id') id: string, @Body() dto: ChangeRoleDto) {
    const org = requireOrganization(actor, orgSlug, 'members:roles');
    return toMemberResponse(await this.members.changeRole(org.organizationId, { userId: actor.userId, name: actor.name, role: org.role }, id, dto.role));
  }

  @Delete('members/:id')
  @HttpCode(204)
  @Authenticated('members:roles')
  @ApiOperation({ summary: 'Removes a member (owners only; never the last owner)' })
  async remove(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('id') id: string) {
    const org = requireOrganization(actor, orgSlug, 'members:roles');
    await this.members.remove(org.organizationId, { userId: actor.userId, name: actor.name, role: org.role }, id);
  }

  @Get('invitations')
  @Authenticated('members:manage')
  @ApiOperation({ summary: 'Pending invitations' })
  async invitations(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string) {
    const org = requireOrganization(actor, orgSlug, 'members:manage');
    const items = (await this.members.listInvitations(org.organizationId)).map(toInvitationResponse);
    return { items, total: items.length, page: 1, pageSize: items.length };
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @Authenticated('members:manage')
  @ApiOperation({ summary: 'Revokes a pending invitation (its link stops working)' })
  async revokeInvitation(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('id') id: string) {
    const org = requireOrganization(actor, orgSlug, 'members:manage');
    await this.members.revokeInvitation(org.organizationId, { userId: actor.userId, name: actor.name, role: org.role }, id);
  }

  @Get('audit')
  @Authenticated('audit:read')
  @ApiOperation({ summary: 'The audit trail, newest first (owners and admins)' })
  async auditTrail(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Query() query: PageQueryDto) {
    const org = requireOrganization(actor, orgSlug, 'audit:read');
    const page = await this.audit.list(org.organizationId, query.page ?? 1, query.pageSize ?? 50);
    const actors = await this.users.findByIds(page.items.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])));
    return { items: page.items.map((e) => toAuditResponse(e, actors)), total: page.total, page: page.page, pageSize: page.pageSize };
  }
}
