import { Body, Controller, Delete, Get, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { IntegerProperty, PageOf, RateLimit, wholePage } from '@palabre/platform';
import {
  CreateOpportunityDto,
  FiguresResponse,
  FiguresService,
  InterestResponse,
  OpportunitiesService,
  OpportunityResponse,
  PartnerResponse,
  PartnersService,
  ProposeSessionDto,
  SaveFiguresDto,
  toFiguresResponse,
  toInterestResponse,
  toOpportunityResponse,
  toPartnerResponse,
  UpdatePartnerProfileDto,
} from '@palabre/partners';
import { SessionResponse, toSessionResponse } from '@palabre/program';
import { ApiRoute } from '../common/api-route';
import { UuidParam } from '../common/uuid.pipe';
import { PHOTO_LIMITS, photoBytes } from '../portal/photo-body';
import { PartnerContext, PartnerEvent } from './partner-area';
import { OwnSessions, OwnSessionsView } from './own-sessions';
import { YearParam } from './year.pipe';

/** Who came to a partner's session: counts only, never names. */
export class SessionAttendanceResponse {
  @IntegerProperty({ description: 'Signed up (confirmed) for the session' })
  signedUp: number;

  @IntegerProperty({ description: 'Checked in at its door' })
  checkedIn: number;
}

/** A session the partner proposed, as it stands in the working programme, with its attendance once there is one. */
export class PartnerSessionResponse extends SessionResponse {
  @ApiProperty({ type: SessionAttendanceResponse, nullable: true, description: 'Null before anyone signs up or is checked in' })
  attendance: SessionAttendanceResponse | null;
}

const toPartnerSessionResponse = (s: OwnSessionsView[number]): PartnerSessionResponse => ({ ...toSessionResponse(s.session), attendance: s.attendance });

/**
 * A partner's area on one event, for the members of the partner organization: the profile and
 * logo, the figures of each reporting year, the opportunities and the contacts left for them,
 * and the sessions it proposes. Another organization (another partner, the lead) finds nothing here.
 */
@ApiTags('partner: area')
@ApiBearerAuth()
@Controller('api/v1/organizations/:orgSlug/partnerships/:slug')
export class PartnershipApiController {
  constructor(
    private readonly partners: PartnersService,
    private readonly figures: FiguresService,
    private readonly opportunities: OpportunitiesService,
    private readonly sessions: OwnSessions,
  ) {}

  @Get()
  @ApiRoute({ summary: 'The partner’s profile on the event', permission: 'partner:read', ok: PartnerResponse })
  profile(@PartnerEvent() { area }: PartnerContext) {
    return toPartnerResponse(area.partner);
  }

  @Patch()
  @ApiRoute({
    summary: 'Edits the public profile: name, acronym, mission, sectors, regions, website, public contact',
    permission: 'partner:write',
    ok: PartnerResponse,
    problems: [400, 409],
  })
  async updateProfile(@PartnerEvent() { area, actor }: PartnerContext, @Body() dto: UpdatePartnerProfileDto) {
    return toPartnerResponse(await this.partners.updateProfile(area, actor, dto));
  }

  @Put('logo')
  @ApiRoute({
    summary: 'Replaces the logo: recognised by its content, fitted whole into 96, 320 and 640 px squares (WebP and JPEG), metadata removed',
    permission: 'partner:write',
    ok: PartnerResponse,
    problems: [400, 409, 413, 415, 429],
  })
  @RateLimit(...PHOTO_LIMITS)
  @ApiConsumes('image/jpeg', 'image/png', 'image/webp', 'multipart/form-data')
  @ApiBody({
    description: 'The image itself (JPEG, PNG or WebP, 5 MB at most), or a form with the file in `logo`',
    schema: { type: 'string', format: 'binary' },
  })
  async logo(@PartnerEvent() { area, actor }: PartnerContext, @Req() req: FastifyRequest) {
    return toPartnerResponse(await this.partners.setLogo(area, actor, photoBytes(req.body, 'logo')));
  }

  @Get('figures')
  @ApiRoute({ summary: 'The partner’s figures, one entry per reporting year', permission: 'partner:read', ok: PageOf(FiguresResponse) })
  async listFigures(@PartnerEvent() { area }: PartnerContext) {
    return wholePage((await this.figures.ofPartner(area)).map(toFiguresResponse));
  }

  @Put('figures/:year')
  @ApiRoute({
    summary: 'Saves the year’s figures as a draft (each value with an optional note and source); refused once submitted or accepted',
    permission: 'partner:write',
    ok: FiguresResponse,
    problems: [400, 409],
  })
  async saveFigures(@PartnerEvent() { area, actor }: PartnerContext, @YearParam() year: number, @Body() dto: SaveFiguresDto) {
    return toFiguresResponse(await this.figures.save(area, actor, year, dto));
  }

  @Post('figures/:year/submit')
  @ApiRoute({ summary: 'Submits the year’s figures for the lead’s review', permission: 'partner:write', created: FiguresResponse, problems: [400, 409, 422] })
  async submitFigures(@PartnerEvent() { area, actor }: PartnerContext, @YearParam() year: number) {
    return toFiguresResponse(await this.figures.submit(area, actor, year));
  }

  @Get('opportunities')
  @ApiRoute({
    summary: 'The partner’s opportunities, open and closed, with how many people left their contact',
    permission: 'partner:read',
    ok: PageOf(OpportunityResponse),
  })
  async listOpportunities(@PartnerEvent() { area }: PartnerContext) {
    return wholePage((await this.opportunities.ofPartner(area)).map(toOpportunityResponse));
  }

  @Post('opportunities')
  @ApiRoute({
    summary: 'Posts a job, internship, training or call for projects on the event’s board, until the end of its deadline’s day',
    permission: 'partner:write',
    created: OpportunityResponse,
    problems: [400, 409, 422],
  })
  async postOpportunity(@PartnerEvent() { area, actor }: PartnerContext, @Body() dto: CreateOpportunityDto) {
    return toOpportunityResponse({ ...(await this.opportunities.post(area, actor, dto)), contacts: 0, open: true });
  }

  @Delete('opportunities/:id')
  @ApiRoute({ summary: 'Removes an opportunity', permission: 'partner:write', noContent: 'Removed, with the contacts left for it', problems: [409] })
  async removeOpportunity(@PartnerEvent() { area, actor }: PartnerContext, @UuidParam('id') id: string) {
    await this.opportunities.remove(area, actor, id);
  }

  @Get('opportunities/:id/interests')
  @ApiRoute({
    summary: 'The people who left their contact for the opportunity, with the consent they gave',
    permission: 'partner:write',
    ok: PageOf(InterestResponse),
  })
  async interests(@PartnerEvent() { area }: PartnerContext, @UuidParam('id') id: string) {
    return wholePage((await this.opportunities.interests(area, id)).interests.map(toInterestResponse));
  }

  @Get('sessions')
  @ApiRoute({
    summary: 'The sessions the partner proposed, as the lead placed them, with their attendance (counts)',
    permission: 'partner:read',
    ok: PageOf(PartnerSessionResponse),
  })
  async listSessions(@PartnerEvent() { area }: PartnerContext) {
    return wholePage((await this.sessions.list(area)).map(toPartnerSessionResponse));
  }

  @Post('sessions')
  @ApiRoute({
    summary: 'Proposes a session: a draft of the programme, which the lead places and publishes in a release',
    permission: 'partner:write',
    created: SessionResponse,
    problems: [400, 409, 422],
  })
  async propose(@PartnerEvent() { area, actor }: PartnerContext, @Body() dto: ProposeSessionDto) {
    return toSessionResponse(await this.sessions.propose(area, actor, dto));
  }
}
