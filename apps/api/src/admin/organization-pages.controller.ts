import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Authenticated, CurrentActor, requireOrganization } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { adminContext, seeOther, sendAdminHtml } from './admin-context';
import { AdminPageFilter } from './admin-page.filter';
import { renderDashboard, renderEventsPage, renderOrganizationChooser } from './organization-pages';

/** The back office's entry, an organization's dashboard and its events. */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin')
export class OrganizationPagesController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @Authenticated()
  index(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    if (actor.memberships.length === 1) return seeOther(reply, `/admin/o/${actor.memberships[0].organizationSlug}`);
    const ctx = adminContext(req, reply, actor);
    sendAdminHtml(reply, renderOrganizationChooser(ctx), ctx.locale);
  }

  @Get('o/:orgSlug')
  @Authenticated('organization:read')
  dashboard(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const organization = requireOrganization(actor, orgSlug, 'organization:read');
    const ctx = adminContext(req, reply, actor, organization);
    sendAdminHtml(reply, renderDashboard({ ...ctx, organization }), ctx.locale);
  }

  @Get('o/:orgSlug/events')
  @Authenticated('organization:read')
  async eventsPage(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const organization = requireOrganization(actor, orgSlug, 'organization:read');
    const ctx = adminContext(req, reply, actor, organization);
    sendAdminHtml(reply, renderEventsPage({ ...ctx, organization }, await this.events.listForOrganization(organization.organizationId)), ctx.locale);
  }
}
