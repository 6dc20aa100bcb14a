import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, ActorMembership, Authenticated, CurrentActor, requireOrganization, validateForm } from '@palabre/platform';
import { ChangeRoleDto, InviteMemberDto, MemberActor, MembersService } from '@palabre/identity';
import { AdminContext, adminContext, formProblem, seeOther, sendAdminHtml, validationProblem } from './admin-context';
import { AdminPageFilter } from './admin-page.filter';
import { MembersNotice, MembersPageProps, renderMembersPage } from './members-page';
import { FormFields } from '../common/form-fields';

type FormBody = Record<string, string | undefined>;
const NOTICES: MembersNotice[] = ['invited', 'role-changed', 'removed', 'revoked'];

function by(actor: Actor, organization: ActorMembership): MemberActor {
  return { userId: actor.userId, name: actor.name, role: organization.role };
}

/** The members page: invite, change roles, remove, revoke invitations. Owners and admins. */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug')
export class MembersPageController {
  constructor(private readonly members: MembersService) {}

  @Get('members')
  @Authenticated('members:manage')
  async page(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Query('done') done: string | undefined, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const organization = requireOrganization(actor, orgSlug, 'members:manage');
    const notice = NOTICES.find((n) => n === done);
    await this.render(adminContext(req, reply, actor, organization), reply, { notice });
  }

  @Post('members')
  @Authenticated('members:manage')
  async invite(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const organization = requireOrganization(actor, orgSlug, 'members:manage');
    const ctx = this.context(req, reply, actor, organization);
    const form = await validateForm(InviteMemberDto, { ...body, name: body.name || undefined });
    if (!form.ok) return this.render(ctx, reply, { invite: { problem: validationProblem(form.errors, ctx.locale), values: body } }, 400);
    try {
      await this.members.invite(organization.organizationId, by(actor, organization), form.value, ctx.locale);
      seeOther(reply, `/admin/o/${orgSlug}/members?done=invited`);
    } catch (error) {
      const problem = formProblem(error, ctx.locale);
      await this.render(ctx, reply, { invite: { problem, values: body } }, problem.status);
    }
  }

  @Post('members/:id/role')
  @Authenticated('members:roles')
  async changeRole(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('id') id: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const organization = requireOrganization(actor, orgSlug, 'members:roles');
    const ctx = this.context(req, reply, actor, organization);
    const form = await validateForm(ChangeRoleDto, body);
    if (!form.ok) return this.render(ctx, reply, { problem: validationProblem(form.errors, ctx.locale) }, 400);
    try {
      await this.members.changeRole(organization.organizationId, by(actor, organization), id, form.value.role);
      seeOther(reply, `/admin/o/${orgSlug}/members?done=role-changed`);
    } catch (error) {
      const problem = formProblem(error, ctx.locale);
      await this.render(ctx, reply, { problem }, problem.status);
    }
  }

  @Post('members/:id/remove')
  @Authenticated('members:roles')
  async remove(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const organization = requireOrganization(actor, orgSlug, 'members:roles');
    const ctx = this.context(req, reply, actor, organization);
    try {
      const removed = await this.members.remove(organization.organizationId, by(actor, organization), id);
      // Removing oneself ends one's access to this organization: go where one still belongs.
      seeOther(reply, removed.userId === actor.userId ? '/admin' : `/admin/o/${orgSlug}/members?done=removed`);
    } catch (error) {
      const problem = formProblem(error, ctx.locale);
      await this.render(ctx, reply, { problem }, problem.status);
    }
  }

  @Post('invitations/:id/revoke')
  @Authenticated('members:manage')
  async revoke(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('id') id: string, @Res() reply: FastifyReply) {
    const organization = requireOrganization(actor, orgSlug, 'members:manage');
    await this.members.revokeInvitation(organization.organizationId, by(actor, organization), id);
    seeOther(reply, `/admin/o/${orgSlug}/members?done=revoked`);
  }

  /** The page's context, with the GET path for the language switch (a POST URL cannot be reloaded). */
  private context(req: FastifyRequest, reply: FastifyReply, actor: Actor, organization: ActorMembership): AdminContext {
    return adminContext(req, reply, actor, organization, `/admin/o/${organization.organizationSlug}/members`);
  }

  private async render(ctx: AdminContext, reply: FastifyReply, props: Omit<MembersPageProps, 'members' | 'invitations'>, status = 200): Promise<void> {
    const organization = ctx.organization!;
    const [members, invitations] = await Promise.all([this.members.list(organization.organizationId), this.members.listInvitations(organization.organizationId)]);
    sendAdminHtml(reply, renderMembersPage({ ...ctx, organization }, { ...props, members, invitations }), ctx.locale, status);
  }
}
