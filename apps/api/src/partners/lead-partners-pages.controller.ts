import { Controller, Get, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '@palabre/platform';
import { FiguresService, InvitePartner, InvitePartnerDto, PartnersService, SendBackFiguresDto } from '@palabre/partners';
import { seeOther, sendAdminHtml } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { EventForm, EventFormContext, eventPath, OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { UuidParam } from '../common/uuid.pipe';
import { validForm } from '../program-admin/form-check';
import { LEAD_NOTICES, LeadNotice, LeadPartnersPage, renderLeadPartnersPage } from './lead-partners-pages';
import { attempt, fields } from './page-forms';
import { YearParam } from './year.pipe';

/** The lead organizer's « Partenaires » tab of an event: invite, and review the figures (accept, send back). */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/events/:slug/partners')
export class LeadPartnersPagesController {
  constructor(
    private readonly partners: PartnersService,
    private readonly invite: InvitePartner,
    private readonly figures: FiguresService,
  ) {}

  @Get()
  @Authenticated('organization:read')
  async page(@OrganizerEvent() ctx: OrganizerEventContext, @Query('fait') done: unknown, @Res() reply: FastifyReply) {
    await this.render(ctx, reply, { notice: typeof done === 'string' && done in LEAD_NOTICES ? (done as LeadNotice) : undefined });
  }

  @Post()
  @Authenticated('partners:manage')
  async invitePartner(@EventForm('/partners') ctx: EventFormContext, @Res() reply: FastifyReply) {
    const values = fields(ctx.fields, 'name', 'acronym', 'email');
    await this.write(ctx, reply, 'invite', values, 'invited', async () => {
      const dto = await validForm(InvitePartnerDto, { body: { ...values, acronym: values.acronym || undefined } });
      await this.invite.execute(ctx.event, { userId: ctx.actor.userId, organizationName: ctx.organization.organizationName }, dto, ctx.locale);
    });
  }

  @Post(':id/figures/:year/accept')
  @Authenticated('partners:manage')
  async accept(@OrganizerEvent('/partners') ctx: OrganizerEventContext, @UuidParam('id') id: string, @YearParam() year: number, @Res() reply: FastifyReply) {
    await this.write(ctx, reply, id, {}, 'accepted', () => this.figures.review(ctx.event, ctx.actor, id, year, { accept: true }));
  }

  @Post(':id/figures/:year/send-back')
  @Authenticated('partners:manage')
  async sendBack(@EventForm('/partners') ctx: EventFormContext, @UuidParam('id') id: string, @YearParam() year: number, @Res() reply: FastifyReply) {
    const values = fields(ctx.fields, 'comment');
    const target = (await this.figures.reviewable(ctx.event)).find((f) => f.partnerId === id && f.year === year)?.id ?? id;
    await this.write(ctx, reply, target, values, 'sent-back', async () => {
      const dto = await validForm(SendBackFiguresDto, { body: values });
      await this.figures.review(ctx.event, ctx.actor, id, year, { accept: false, comment: dto.comment });
    });
  }

  private async write(
    ctx: OrganizerEventContext,
    reply: FastifyReply,
    target: string,
    values: Record<string, string>,
    done: LeadNotice,
    work: () => Promise<unknown>,
  ) {
    const problem = await attempt(ctx.locale, work);
    if (problem) return this.render(ctx, reply, { refused: { target, values, problem } }, problem.status);
    seeOther(reply, `${eventPath(ctx, '/partners')}?fait=${done}`);
  }

  private async render(ctx: OrganizerEventContext, reply: FastifyReply, extra: Pick<LeadPartnersPage, 'notice' | 'refused'>, status = 200) {
    const [partners, catalog, figures] = await Promise.all([
      this.partners.list(ctx.event),
      this.partners.catalog(ctx.event),
      this.figures.reviewable(ctx.event),
    ]);
    sendAdminHtml(reply, renderLeadPartnersPage(ctx, { partners, catalog, figures, ...extra }), ctx.locale, status);
  }
}
