import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, Localized, RateLimit } from '@palabre/platform';
import {
  CreateOpportunityDto,
  FiguresService,
  OpportunitiesService,
  PartnersService,
  ProposeSessionDto,
  SaveFiguresDto,
  UpdatePartnerProfileDto,
} from '@palabre/partners';
import { zonedInstant } from '@palabre/program';
import { seeOther, sendAdminHtml } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { FormFields } from '../common/form-fields';
import { OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';
import { UuidParam } from '../common/uuid.pipe';
import { validForm } from '../program-admin/form-check';
import { field, FormBody, localized } from '../program-admin/form-values';
import { PHOTO_LIMITS, photoBytes } from '../portal/photo-body';
import { OwnSessions } from './own-sessions';
import { attempt, fields } from './page-forms';
import { PartnerContext, PartnerEvent, partnerPath } from './partner-area';
import { PARTNER_NOTICES, PartnerForm, renderContactsPage, renderPartnerAreaPage, renderPartnershipsPage, RefusedForm } from './partner-area-pages';

const many = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const YEAR = /^\d{4}$/;

/**
 * The partner area in the back-office of the partner's own organization: the list of its
 * partnerships, and on each event one page with its forms (profile, logo, figures,
 * opportunities, session proposals) and the contacts left for an opportunity.
 */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/partenariats')
export class PartnerAreaPagesController {
  constructor(
    private readonly sessions: OwnSessions,
    private readonly opportunities: OpportunitiesService,
    private readonly figures: FiguresService,
    private readonly partners: PartnersService,
  ) {}

  @Get()
  @Authenticated('partner:read')
  async list(@OrganizerOrganization() ctx: OrganizerContext, @Res() reply: FastifyReply) {
    sendAdminHtml(reply, renderPartnershipsPage(ctx, await this.partners.partnerships(ctx.organization.organizationId)), ctx.locale);
  }

  @Get(':slug')
  @Authenticated('partner:read')
  async area(@PartnerEvent() ctx: PartnerContext, @Query('annee') year: unknown, @Query('fait') done: unknown, @Res() reply: FastifyReply) {
    const notice = typeof done === 'string' && done in PARTNER_NOTICES ? PARTNER_NOTICES[done] : undefined;
    await this.page(ctx, reply, typeof year === 'string' && YEAR.test(year) ? Number(year) : undefined, notice);
  }

  @Post(':slug/profil')
  @Authenticated('partner:write')
  async profile(@PartnerEvent('') ctx: PartnerContext, @FormFields() body: FormBody, @Res() reply: FastifyReply) {
    const values = {
      ...fields(body, 'name', 'acronym', 'missionFr', 'missionEn', 'website', 'contactEmail', 'contactPhone'),
      sectors: many(body.sectors),
      regions: many(body.regions),
    };
    await this.write(ctx, reply, 'profile', values, 'profile', async () => {
      const dto = await validForm(UpdatePartnerProfileDto, {
        body: {
          name: values.name,
          acronym: orNull(values.acronym),
          mission: localized(values.missionFr, values.missionEn),
          sectors: values.sectors,
          regions: values.regions,
          website: orNull(values.website),
          contactEmail: orNull(values.contactEmail),
          contactPhone: orNull(values.contactPhone),
        },
      });
      await this.partners.updateProfile(ctx.area, ctx.actor, dto);
    });
  }

  @Post(':slug/logo')
  @Authenticated('partner:write')
  @RateLimit(...PHOTO_LIMITS)
  async logo(@PartnerEvent('') ctx: PartnerContext, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.write(ctx, reply, 'logo', {}, 'logo', () => this.partners.setLogo(ctx.area, ctx.actor, photoBytes(req.body, 'logo')));
  }

  @Post(':slug/chiffres')
  @Authenticated('partner:write')
  async saveFigures(@PartnerEvent('') ctx: PartnerContext, @FormFields() body: FormBody, @Res() reply: FastifyReply) {
    const year = YEAR.test(field(body, 'year')) ? Number(field(body, 'year')) : 0;
    const { indicators } = await this.partners.catalog(ctx.area.event);
    const values: Record<string, string> = {};
    for (const i of indicators) for (const part of ['value', 'note', 'source']) values[`${part}-${i.key}`] = field(body, `${part}-${i.key}`);
    const submit = field(body, 'action') === 'submit';
    await this.write(
      ctx,
      reply,
      'figures',
      values,
      submit ? 'submitted' : 'figures',
      async () => {
        const given = indicators.filter((i) => values[`value-${i.key}`].trim() !== '');
        const dto = await validForm(SaveFiguresDto, {
          body: {
            values: given.map((i) => ({
              indicator: i.key,
              value: Number(values[`value-${i.key}`].replace(',', '.')),
              note: values[`note-${i.key}`] || undefined,
              source: values[`source-${i.key}`] || undefined,
            })),
          },
        });
        await this.figures.save(ctx.area, ctx.actor, year, dto);
        if (submit) await this.figures.submit(ctx.area, ctx.actor, year);
      },
      year,
    );
  }

  @Post(':slug/opportunites')
  @Authenticated('partner:write')
  async postOpportunity(@PartnerEvent('') ctx: PartnerContext, @FormFields() body: FormBody, @Res() reply: FastifyReply) {
    const values = fields(body, 'kind', 'title', 'description', 'region', 'sector', 'deadline', 'howToApply', 'acceptsContacts');
    await this.write(ctx, reply, 'opportunity', values, 'opportunity', async () => {
      const dto = await validForm(CreateOpportunityDto, {
        body: { ...values, sector: values.sector || undefined, acceptsContacts: values.acceptsContacts === 'oui' },
      });
      await this.opportunities.post(ctx.area, ctx.actor, dto);
    });
  }

  @Get(':slug/opportunites/:id')
  @Authenticated('partner:write')
  async contacts(@PartnerEvent() ctx: PartnerContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    const { opportunity, interests } = await this.opportunities.interests(ctx.area, id);
    sendAdminHtml(reply, renderContactsPage(ctx, opportunity, interests), ctx.locale);
  }

  @Post(':slug/seances')
  @Authenticated('partner:write')
  async propose(@PartnerEvent('') ctx: PartnerContext, @FormFields() body: FormBody, @Res() reply: FastifyReply) {
    const values = fields(body, 'titleFr', 'abstractFr', 'type', 'day', 'from', 'to');
    const tz = ctx.area.event.timeZone;
    await this.write(ctx, reply, 'session', values, 'session', async () => {
      const startsAt = zonedInstant(values.day, values.from, tz);
      const endsAt = zonedInstant(values.day, values.to, tz);
      const dto = await validForm(ProposeSessionDto, {
        body: {
          title: localized(values.titleFr, ''),
          abstract: values.abstractFr.trim() ? localized(values.abstractFr, '') : undefined,
          type: values.type,
          startsAt: startsAt?.toISOString() ?? values.from,
          endsAt: endsAt?.toISOString() ?? values.to,
        },
      });
      await this.sessions.propose(ctx.area, ctx.actor, dto);
    });
  }

  /** One form's write: 303 back to the page with its notice, or the page again with the refused form. */
  private async write(
    ctx: PartnerContext,
    reply: FastifyReply,
    form: PartnerForm,
    values: RefusedForm['values'],
    done: keyof typeof PARTNER_NOTICES,
    work: () => Promise<unknown>,
    year?: number,
  ) {
    const problem = await attempt(ctx.locale, work);
    if (problem) return this.page(ctx, reply, year, undefined, { form, values, problem }, problem.status);
    seeOther(reply, `${partnerPath(ctx)}?fait=${done}${year ? `&annee=${year}` : ''}#${anchor(form)}`);
  }

  private async page(ctx: PartnerContext, reply: FastifyReply, year: number | undefined, notice?: Localized, refused?: RefusedForm, status = 200) {
    const [catalog, all, opportunities, sessions] = await Promise.all([
      this.partners.catalog(ctx.area.event),
      this.figures.ofPartner(ctx.area),
      this.opportunities.ofPartner(ctx.area),
      this.sessions.list(ctx.area),
    ]);
    const shown = year && year >= 2000 && year <= 2100 ? year : (all[0]?.year ?? new Date(ctx.area.event.startsAt).getUTCFullYear() - 1);
    const figures = all.find((f) => f.year === shown) ?? null;
    const html = renderPartnerAreaPage(ctx, { catalog, year: shown, figures, opportunities, sessions, notice: notice?.[ctx.locale] ?? notice?.fr, refused });
    sendAdminHtml(reply, html, ctx.locale, status);
  }
}

function anchor(form: PartnerForm): string {
  return { profile: 'profil', logo: 'profil', figures: 'chiffres', opportunity: 'offres', session: 'sessions' }[form];
}
