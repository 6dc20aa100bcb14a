import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditLog, Authenticated } from '@palabre/platform';
import { UsersService } from '@palabre/identity';
import { OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';
import { sendAdminHtml } from './admin-context';
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
  async page(@OrganizerOrganization() ctx: OrganizerContext, @Query('page') pageParam: string | undefined, @Res() reply: FastifyReply) {
    const pageNumber = /^\d{1,6}$/.test(pageParam ?? '') ? Math.max(1, Number(pageParam)) : 1;
    const page = await this.audit.list(ctx.organization.organizationId, pageNumber, PAGE_SIZE);
    const actors = await this.users.findByIds(page.items.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])));
    sendAdminHtml(reply, renderAuditPage(ctx, page, actors), ctx.locale);
  }
}
