import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, PageOf, wholePage } from '@palabre/platform';
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
  @Authenticated('partners:manage')
  @ApiCreatedResponse({ type: PartnerInvitationResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({
    summary: 'Invites an organization as a partner: found by its name or created; a new one’s invitee becomes its owner, an existing one’s owners are told',
  })
  async invitePartner(@OrganizerEvent() ctx: OrganizerEventContext, @Body() dto: InvitePartnerDto) {
    const by = { userId: ctx.actor.userId, organizationName: ctx.organization.organizationName };
    return toPartnerInvitationResponse(await this.invite.execute(ctx.event, by, dto, ctx.locale));
  }

  @Get('partners')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: PageOf(PartnerResponse) })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'The event’s partners' })
  async listPartners(@OrganizerEvent() { event }: OrganizerEventContext) {
    return wholePage((await this.partners.list(event)).map(toPartnerResponse));
  }

  @Get('partners/:id')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: PartnerResponse })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'One partner' })
  async partner(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    return toPartnerResponse(await this.partners.get(event, id));
  }

  @Get('partner-catalog')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: PartnerCatalogResponse })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'The sectors and the indicators partners report on' })
  async catalog(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toCatalogResponse(await this.partners.catalog(event));
  }

  @Post('partner-catalog/sectors')
  @Authenticated('partners:manage')
  @ApiCreatedResponse({ type: SectorResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Adds a sector to the defaults' })
  async addSector(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Body() dto: AddSectorDto) {
    return toSectorResponse(await this.partners.addSector(event, actor, dto));
  }

  @Post('partner-catalog/indicators')
  @Authenticated('partners:manage')
  @ApiCreatedResponse({ type: IndicatorResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Adds an indicator partners report on' })
  async addIndicator(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Body() dto: AddIndicatorDto) {
    return toIndicatorResponse(await this.partners.addIndicator(event, actor, dto));
  }

  @Get('partner-figures')
  @Authenticated('organization:read')
  @ApiOkResponse({ type: PageOf(ReviewedFiguresResponse) })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'Partners’ submitted, sent back and accepted figures (drafts stay their partner’s)' })
  async reviewable(@OrganizerEvent() { event }: OrganizerEventContext) {
    return wholePage((await this.figures.reviewable(event)).map(toReviewedFiguresResponse));
  }

  @Post('partners/:id/figures/:year/accept')
  @Authenticated('partners:manage')
  @ApiCreatedResponse({ type: FiguresResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Accepts a partner’s submitted figures: they count on the impact page' })
  async accept(@OrganizerEvent() { event, actor }: OrganizerEventContext, @UuidParam('id') id: string, @YearParam() year: number) {
    return toFiguresResponse(await this.figures.review(event, actor, id, year, { accept: true }));
  }

  @Post('partners/:id/figures/:year/send-back')
  @Authenticated('partners:manage')
  @ApiCreatedResponse({ type: FiguresResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Sends a partner’s submitted figures back with a comment' })
  async sendBack(
    @OrganizerEvent() { event, actor }: OrganizerEventContext,
    @UuidParam('id') id: string,
    @YearParam() year: number,
    @Body() dto: SendBackFiguresDto,
  ) {
    return toFiguresResponse(await this.figures.review(event, actor, id, year, { accept: false, comment: dto.comment }));
  }
}
