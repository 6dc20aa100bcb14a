import { Controller, Get, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '@palabre/platform';
import { ChangeRoleDto, InviteMemberDto, MembersService } from '@palabre/identity';
import {
  actingMember,
  OrganizationForm,
  OrganizationFormContext,
  organizationPath,
  OrganizerContext,
  OrganizerOrganization,
} from '../common/organizer-organization';
import { seeOther, sendAdminHtml, submitForm } from './admin-context';
import { validForm } from '../program-admin/form-check';
import { AdminPageFilter } from './admin-page.filter';
import { MembersNotice, MembersPageProps, renderMembersPage } from './members-page';
import { Notice } from '../common/notice';

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
  async page(@OrganizerOrganization() ctx: OrganizerContext, @Notice(NOTICES) notice: MembersNotice | undefined, @Res() reply: FastifyReply) {
    sendAdminHtml(reply, await this.html(ctx, { notice }), ctx.locale);
  }

  @Post('members')
  @Authenticated('members:manage')
  async invite(@OrganizationForm('/members') ctx: OrganizationFormContext<FormBody>, @Res() reply: FastifyReply) {
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        const form = await validForm(InviteMemberDto, { body: { ...ctx.fields, name: ctx.fields.name || undefined } });
        await this.members.invite(ctx.organization.organizationId, actingMember(ctx), form, ctx.locale);
        return membersPath(ctx, 'invited');
      },
      (problem) => this.html(ctx, { invite: { problem, values: ctx.fields } }),
    );
  }

  @Post('members/:id/role')
  @Authenticated('members:roles')
  async changeRole(@OrganizationForm('/members') ctx: OrganizationFormContext<FormBody>, @Param('id') id: string, @Res() reply: FastifyReply) {
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        const { role } = await validForm(ChangeRoleDto, { body: ctx.fields });
        await this.members.changeRole(ctx.organization.organizationId, actingMember(ctx), id, role);
        return membersPath(ctx, 'role-changed');
      },
      (problem) => this.html(ctx, { problem }),
    );
  }

  @Post('members/:id/remove')
  @Authenticated('members:roles')
  async remove(@OrganizerOrganization('/members') ctx: OrganizerContext, @Param('id') id: string, @Res() reply: FastifyReply) {
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        const removed = await this.members.remove(ctx.organization.organizationId, actingMember(ctx), id);
        // Removing oneself ends one's access to this organization: go where one still belongs.
        return removed.userId === ctx.actor.userId ? '/admin' : membersPath(ctx, 'removed');
      },
      (problem) => this.html(ctx, { problem }),
    );
  }

  @Post('invitations/:id/revoke')
  @Authenticated('members:manage')
  async revoke(@OrganizerOrganization() ctx: OrganizerContext, @Param('id') id: string, @Res() reply: FastifyReply) {
    await this.members.revokeInvitation(ctx.organization.organizationId, actingMember(ctx), id);
    seeOther(reply, membersPath(ctx, 'revoked'));
  }

  private async html(ctx: OrganizerContext, props: Omit<MembersPageProps, 'members' | 'invitations'>): Promise<string> {
    const organizationId = ctx.organization.organizationId;
    const [members, invitations] = await Promise.all([this.members.list(organizationId), this.members.listInvitations(organizationId)]);
    return renderMembersPage(ctx, { ...props, members, invitations });
  }
}
