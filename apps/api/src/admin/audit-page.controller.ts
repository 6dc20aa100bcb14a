import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, AuditLog, Authenticated, CurrentActor, requireOrganization } from '@palabre/platform';
import { UsersService } from '@palabre/identity';
import { adminContext, sendAdminHtml } from './admin-context';
import { AdminPageFilter } from './admin-page.filter';
import { renderAuditPage } from './audit-page';

const PAGE_SIZE = 50;

/** The organization's audit trail. Owners and admins. */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/audit')
export class AuditPageController {
  constructor(
    private readonly audit: AuditLog,
    private readonly users: UsersService,
  ) {}

  @Get()
  @Authenticated('audit:read')
  async page(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Query('page') pageParam: string | undefined, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const organization = requireOrganization(actor, orgSlug, 'audit:read');
    const pageNumber = /^\d{1,6}$/.test(pageParam ?? '') ? Math.max(1, Number(pageParam)) : 1;
    const page = await this.audit.list(organization.organizationId, pageNumber, PAGE_SIZE);
    const actors = await this.users.findByIds(page.items.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])));
    const ctx = adminContext(req, reply, actor, organization);
    sendAdminHtml(reply, renderAuditPage({ ...ctx, organization }, page, actors), ctx.locale);
  }
}
