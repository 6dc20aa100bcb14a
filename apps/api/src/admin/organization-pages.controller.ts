import { Controller, Get, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, can } from '@palabre/platform';
import { DeliveryLogService, SmsLogService } from '@palabre/notifications';
import { EventsService } from '@palabre/events';
import { AnswersOverview } from '@palabre/program';
import { EventFiguresService } from '@palabre/reporting';
import { OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';
import { AdminContext, AdminPage, seeOther, sendAdminHtml } from './admin-context';
import { AdminPageFilter } from './admin-page.filter';
import { renderDashboard, renderEventsPage, renderOrganizationChooser } from './organization-pages';

/** The back office's entry, an organization's dashboard and its events. */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin')
export class OrganizationPagesController {
  constructor(
    private readonly events: EventsService,
    private readonly deliveryLog: DeliveryLogService,
    private readonly smsLog: SmsLogService,
    private readonly answers: AnswersOverview,
    private readonly figures: EventFiguresService,
  ) {}

  @Get()
  @Authenticated()
  index(@AdminPage() ctx: AdminContext, @Res() reply: FastifyReply) {
    const { actor } = ctx;
    if (actor.memberships.length === 1) return seeOther(reply, `/admin/o/${actor.memberships[0].organizationSlug}`);
    // A speaker who organizes nothing has their own space.
    if (actor.memberships.length === 0 && actor.speaker) return seeOther(reply, '/intervenant');
    sendAdminHtml(reply, renderOrganizationChooser(ctx), ctx.locale);
  }

  @Get('o/:orgSlug')
  @Authenticated('organization:read')
  async dashboard(@OrganizerOrganization() ctx: OrganizerContext, @Res() reply: FastifyReply) {
    const { organization } = ctx;
    // Mail counts for those who may act on them (resend lives on the delivery log).
    const mayManage = can(organization.role, 'mail:manage');
    const mail = mayManage ? await this.deliveryLog.counts(organization.organizationId) : undefined;
    // The texts, and whether the day's budget (deployment-wide) has stopped them.
    const sms = mayManage ? { counts: await this.deliveryLog.counts(organization.organizationId, 'sms'), budget: await this.smsLog.budgetToday() } : undefined;
    const answers = { recent: await this.answers.recent(organization.organizationId), waiting: await this.answers.waiting(organization.organizationId) };
    const events = can(organization.role, 'stats:read')
      ? await this.figures.headlines(organization.organizationId, await this.events.listForOrganization(organization.organizationId))
      : undefined;
    sendAdminHtml(reply, renderDashboard(ctx, { mail, sms, answers, events }), ctx.locale);
  }

  @Get('o/:orgSlug/events')
  @Authenticated('organization:read')
  async eventsPage(@OrganizerOrganization() ctx: OrganizerContext, @Res() reply: FastifyReply) {
    sendAdminHtml(reply, renderEventsPage(ctx, await this.events.listForOrganization(ctx.organization.organizationId)), ctx.locale);
  }
}
