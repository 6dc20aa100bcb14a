import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PageOf, wholePage } from '@palabre/platform';
import {
  AddIndicatorDto,
  AddSectorDto,
  FiguresResponse,
  FiguresService,
  IndicatorResponse,
  InvitePartner,
  InvitePartnerDto,
  PartnerCatalogResponse,
  PartnerInvitationResponse,
  PartnerResponse,
  PartnersService,
  ReviewedFiguresResponse,
  SectorResponse,
  SendBackFiguresDto,
  toCatalogResponse,
  toFiguresResponse,
  toIndicatorResponse,
  toPartnerInvitationResponse,
  toPartnerResponse,
  toReviewedFiguresResponse,
  toSectorResponse,
} from '@palabre/partners';
import { ApiRoute } from '../common/api-route';
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { UuidParam } from '../common/uuid.pipe';
import { YearParam } from './year.pipe';

/** The lead organizer's side of an event's partners: invitations, the forum's catalog, the review of figures. */
@ApiTags('organizer: partners')
@ApiBearerAuth()
@Controller('api/v1/events/:slug')
export class PartnersApiController {
  constructor(
    private readonly partners: PartnersService,
    private readonly invite: InvitePartner,
    private readonly figures: FiguresService,
  ) {}

  @Post('partners')
  @ApiRoute({
    summary: 'Invites an organization as a partner: found by its name or created; a new one’s invitee becomes its owner, an existing one’s owners are told',
    permission: 'partners:manage',
    created: PartnerInvitationResponse,
    problems: [400, 409],
  })
  async invitePartner(@OrganizerEvent() ctx: OrganizerEventContext, @Body() dto: InvitePartnerDto) {
    const by = { userId: ctx.actor.userId, organizationName: ctx.organization.organizationName };
    return toPartnerInvitationResponse(await this.invite.execute(ctx.event, by, dto, ctx.locale));
  }

  @Get('partners')
  @ApiRoute({ summary: 'The event’s partners', permission: 'organization:read', ok: PageOf(PartnerResponse) })
  async listPartners(@OrganizerEvent() { event }: OrganizerEventContext) {
    return wholePage((await this.partners.list(event)).map(toPartnerResponse));
  }

  @Get('partners/:id')
  @ApiRoute({ summary: 'One partner', permission: 'organization:read', ok: PartnerResponse })
  async partner(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    return toPartnerResponse(await this.partners.get(event, id));
  }

  @Get('partner-catalog')
  @ApiRoute({ summary: 'The sectors and the indicators partners report on', permission: 'organization:read', ok: PartnerCatalogResponse })
  async catalog(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toCatalogResponse(await this.partners.catalog(event));
  }

  @Post('partner-catalog/sectors')
  @ApiRoute({ summary: 'Adds a sector to the defaults', permission: 'partners:manage', created: SectorResponse, problems: [400, 409] })
  async addSector(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Body() dto: AddSectorDto) {
    return toSectorResponse(await this.partners.addSector(event, actor, dto));
  }

  @Post('partner-catalog/indicators')
  @ApiRoute({ summary: 'Adds an indicator partners report on', permission: 'partners:manage', created: IndicatorResponse, problems: [400, 409] })
  async addIndicator(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Body() dto: AddIndicatorDto) {
    return toIndicatorResponse(await this.partners.addIndicator(event, actor, dto));
  }

  @Get('partner-figures')
  @ApiRoute({
    summary: 'Partners’ submitted, sent back and accepted figures (drafts stay their partner’s)',
    permission: 'organization:read',
    ok: PageOf(ReviewedFiguresResponse),
  })
  async reviewable(@OrganizerEvent() { event }: OrganizerEventContext) {
    return wholePage((await this.figures.reviewable(event)).map(toReviewedFiguresResponse));
  }

  @Post('partners/:id/figures/:year/accept')
  @ApiRoute({
    summary: 'Accepts a partner’s submitted figures: they count on the impact page',
    permission: 'partners:manage',
    created: FiguresResponse,
    problems: [400, 409],
  })
  async accept(@OrganizerEvent() { event, actor }: OrganizerEventContext, @UuidParam('id') id: string, @YearParam() year: number) {
    return toFiguresResponse(await this.figures.review(event, actor, id, year, { accept: true }));
  }

  @Post('partners/:id/figures/:year/send-back')
  @ApiRoute({
    summary: 'Sends a partner’s submitted figures back with a comment',
    permission: 'partners:manage',
    created: FiguresResponse,
    problems: [400, 409],
  })
  async sendBack(
    @OrganizerEvent() { event, actor }: OrganizerEventContext,
    @UuidParam('id') id: string,
    @YearParam() year: number,
    @Body() dto: SendBackFiguresDto,
  ) {
    return toFiguresResponse(await this.figures.review(event, actor, id, year, { accept: false, comment: dto.comment }));
  }
}
