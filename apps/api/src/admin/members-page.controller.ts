import { Controller, Get, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, validateForm } from '@palabre/platform';
import { ChangeRoleDto, InviteMemberDto, MembersService } from '@palabre/identity';
import { actingMember, organizationPath, OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';
import { formProblem, seeOther, sendAdminHtml, validationProblem } from './admin-context';
import { AdminPageFilter } from './admin-page.filter';
import { MembersNotice, MembersPageProps, renderMembersPage } from './members-page';
import { FormFields } from '../common/form-fields';

type FormBody = Record<string, string | undefined>;
const NOTICES: MembersNotice[] = ['invited', 'role-changed', 'removed', 'revoked'];

const membersPath = (ctx: OrganizerContext, done: MembersNotice) => `${organizationPath(ctx.organization)}/members?done=${done}`;

/** The members page: invite, change roles, remove, revoke invitations. Owners and admins. */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug')
export class MembersPageController {
  constructor(private readonly members: MembersService) {}

  @Get('members')
  @Authenticated('members:manage')
  async page(@OrganizerOrganization() ctx: OrganizerContext, @Query('done') done: string | undefined, @Res() reply: FastifyReply) {
    await this.render(ctx, reply, { notice: NOTICES.find((n) => n === done) });
  }

  @Post('members')
  @Authenticated('members:manage')
  async invite(@OrganizerOrganization('/members') ctx: OrganizerContext, @FormFields() body: FormBody, @Res() reply: FastifyReply) {
    const form = await validateForm(InviteMemberDto, { ...body, name: body.name || undefined });
    if (!form.ok) return this.render(ctx, reply, { invite: { problem: validationProblem(form.errors, ctx.locale), values: body } }, 400);
    try {
      await this.members.invite(ctx.organization.organizationId, actingMember(ctx), form.value, ctx.locale);
      seeOther(reply, membersPath(ctx, 'invited'));
    } catch (error) {
      const problem = formProblem(error, ctx.locale);
      await this.render(ctx, reply, { invite: { problem, values: body } }, problem.status);
    }
  }

  @Post('members/:id/role')
  @Authenticated('members:roles')
  async changeRole(
    @OrganizerOrganization('/members') ctx: OrganizerContext,
    @Param('id') id: string,
    @FormFields() body: FormBody,
    @Res() reply: FastifyReply,
  ) {
    const form = await validateForm(ChangeRoleDto, body);
    if (!form.ok) return this.render(ctx, reply, { problem: validationProblem(form.errors, ctx.locale) }, 400);
    try {
      await this.members.changeRole(ctx.organization.organizationId, actingMember(ctx), id, form.value.role);
      seeOther(reply, membersPath(ctx, 'role-changed'));
    } catch (error) {
      const problem = formProblem(error, ctx.locale);
      await this.render(ctx, reply, { problem }, problem.status);
    }
  }

  @Post('members/:id/remove')
  @Authenticated('members:roles')
  async remove(@OrganizerOrganization('/members') ctx: OrganizerContext, @Param('id') id: string, @Res() reply: FastifyReply) {
    try {
      const removed = await this.members.remove(ctx.organization.organizationId, actingMember(ctx), id);
      // Removing oneself ends one's access to this organization: go where one still belongs.
      seeOther(reply, removed.userId === ctx.actor.userId ? '/admin' : membersPath(ctx, 'removed'));
    } catch (error) {
      const problem = formProblem(error, ctx.locale);
      await this.render(ctx, reply, { problem }, problem.status);
    }
  }

  @Post('invitations/:id/revoke')
  @Authenticated('members:manage')
  async revoke(@OrganizerOrganization() ctx: OrganizerContext, @Param('id') id: string, @Res() reply: FastifyReply) {
    await this.members.revokeInvitation(ctx.organization.organizationId, actingMember(ctx), id);
    seeOther(reply, membersPath(ctx, 'revoked'));
  }

  private async render(ctx: OrganizerContext, reply: FastifyReply, props: Omit<MembersPageProps, 'members' | 'invitations'>, status = 200): Promise<void> {
    const organizationId = ctx.organization.organizationId;
    const [members, invitations] = await Promise.all([this.members.list(organizationId), this.members.listInvitations(organizationId)]);
    sendAdminHtml(reply, renderMembersPage(ctx, { ...props, members, invitations }), ctx.locale, status);
  }
}
