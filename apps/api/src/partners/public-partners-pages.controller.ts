import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { byClientIp, RateLimit, RateLimitRule } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import {
  contactConsentText,
  FiguresService,
  LeaveContactDto,
  OPPORTUNITY_KINDS,
  OpportunitiesService,
  PartnerError,
  PartnerSessionsService,
  PartnersService,
  REGION_KEYS,
} from '@palabre/partners';
import { formProblem, seeOther } from '../admin/admin-context';
import { FormFields } from '../common/form-fields';
import { pageContext, sendHtml } from '../home/page-context';
import { validForm } from '../program-admin/form-check';
import { field, FormBody } from '../program-admin/form-values';
import { withLang } from '../program/public-common.model';
import {
  ContactForm,
  partnerPaths,
  PublicContext,
  renderBoard,
  renderDirectory,
  renderImpact,
  renderOpportunity,
  renderPartnerPage,
} from './public-partners-pages';

const NUMBER = /^[1-9]\d{0,8}$/;
const YEAR = /^\d{4}$/;

/** Leaving a contact is a write from the public: a few dozen an hour per address. */
const CONTACT_LIMITS: RateLimitRule[] = [{ name: 'opportunity-contact:ip', limit: 30, windowSeconds: 3600, subject: byClientIp }];

/** A query value among the known ones, or none (anything else reads as "all"). */
const oneOf = (value: unknown, known: readonly string[]) => (typeof value === 'string' && known.includes(value) ? value : '');

/**
 * The partners' public pages of a published event: the directory, a partner's page, the
 * opportunities board and one opportunity (with its contact form), and the impact page.
 * French first, no script; filters are GET forms. Not cached: deadlines pass with the clock.
 */
@ApiExcludeController()
@Controller('e/:slug')
export class PublicPartnersPagesController {
  constructor(
    private readonly events: EventsService,
    private readonly partners: PartnersService,
    private readonly figures: FiguresService,
    private readonly opportunities: OpportunitiesService,
    private readonly sessions: PartnerSessionsService,
  ) {}

  @Get('partenaires')
  async directory(@Param('slug') slug: string, @Query() query: Record<string, unknown>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = await this.context(slug, req, reply);
    const [all, catalog] = await Promise.all([this.partners.directory(ctx.event), this.partners.catalog(ctx.event)]);
    const filter = {
      sector: oneOf(
        query.secteur,
        catalog.sectors.map((s) => s.key),
      ),
      region: oneOf(query.region, REGION_KEYS),
    };
    const shown = all.filter((p) => (!filter.sector || p.sectors.includes(filter.sector)) && (!filter.region || p.regions.includes(filter.region)));
    sendHtml(reply, renderDirectory(ctx, { partners: shown, total: all.length, sectors: catalog.sectors, filter }), ctx.locale);
  }

  @Get('partenaires/:partner')
  async partner(@Param('slug') slug: string, @Param('partner') partnerSlug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = await this.context(slug, req, reply);
    const partner = await this.partners.publicPartner(ctx.event, partnerSlug);
    const [catalog, sessions, board] = await Promise.all([
      this.partners.catalog(ctx.event),
      this.sessions.released(ctx.event, partner.id),
      this.opportunities.board(ctx.event),
    ]);
    const opportunities = board.filter((o) => o.partnerId === partner.id);
    sendHtml(reply, renderPartnerPage(ctx, { partner, sectors: catalog.sectors, sessions, opportunities }), ctx.locale);
  }

  @Get('opportunites')
  async board(@Param('slug') slug: string, @Query() query: Record<string, unknown>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = await this.context(slug, req, reply);
    const catalog = await this.partners.catalog(ctx.event);
    const filter = {
      kind: oneOf(query.type, OPPORTUNITY_KINDS),
      sector: oneOf(
        query.secteur,
        catalog.sectors.map((s) => s.key),
      ),
      region: oneOf(query.region, REGION_KEYS),
    };
    const opportunities = await this.opportunities.board(ctx.event, filter);
    sendHtml(reply, renderBoard(ctx, { opportunities, sectors: catalog.sectors, filter }), ctx.locale);
  }

  @Get('opportunites/:number')
  async opportunity(
    @Param('slug') slug: string,
    @Param('number') number: string,
    @Query('envoye') sent: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = await this.context(slug, req, reply);
    await this.opportunityPage(ctx, reply, number, { values: {}, sent: sent === '1' });
  }

  /** A participant leaves their contact: 303 back to the page with a thank-you, or the form again with the refusal beside its field. */
  @Post('opportunites/:number')
  @RateLimit(...CONTACT_LIMITS)
  async leaveContact(
    @Param('slug') slug: string,
    @Param('number') number: string,
    @FormFields() body: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = await this.context(slug, req, reply);
    const values = { name: field(body, 'name'), email: field(body, 'email'), phone: field(body, 'phone') };
    try {
      if (!NUMBER.test(number)) throw new PartnerError('OPPORTUNITY_NOT_FOUND');
      const dto = await validForm(LeaveContactDto, {
        body: { name: values.name, email: values.email || undefined, phone: values.phone || undefined, consent: field(body, 'consent') === 'oui' },
      });
      await this.opportunities.leaveContact(ctx.event, Number(number), dto);
      seeOther(reply, withLang(`${partnerPaths.opportunity(ctx.event.slug, Number(number))}?envoye=1`, ctx.locale));
    } catch (error) {
      const problem = formProblem(error, ctx.locale);
      if (problem.status === 404) throw error;
      await this.opportunityPage(ctx, reply, number, { values, problem }, problem.status);
    }
  }

  @Get('impact')
  async impact(@Param('slug') slug: string, @Query('annee') year: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = await this.context(slug, req, reply);
    const impact = await this.figures.impact(ctx.event, typeof year === 'string' && YEAR.test(year) ? Number(year) : undefined);
    sendHtml(reply, renderImpact(ctx, { impact }), ctx.locale);
  }

  private async opportunityPage(ctx: PublicContext, reply: FastifyReply, number: string, form: ContactForm, status = 200) {
    if (!NUMBER.test(number)) throw new PartnerError('OPPORTUNITY_NOT_FOUND');
    const opportunity = await this.opportunities.openOne(ctx.event, Number(number));
    sendHtml(reply, renderOpportunity(ctx, { opportunity, consentText: contactConsentText(opportunity.partner.name), form }), ctx.locale, status);
  }

  private async context(slug: string, req: FastifyRequest, reply: FastifyReply): Promise<PublicContext> {
    const { locale, path } = pageContext(req, reply);
    return { locale, path, event: await this.events.getPublished(slug) };
  }
}
