import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblems, Authenticated, IntegerProperty, PageOf, RateLimit, wholePage } from '@palabre/platform';
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
  @Authenticated('partner:read')
  @ApiOkResponse({ type: PartnerResponse })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'The partner’s profile on the event' })
  profile(@PartnerEvent() { area }: PartnerContext) {
    return toPartnerResponse(area.partner);
  }

  @Patch()
  @Authenticated('partner:write')
  @ApiOkResponse({ type: PartnerResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Edits the public profile: name, acronym, mission, sectors, regions, website, public contact' })
  async updateProfile(@PartnerEvent() { area, actor }: PartnerContext, @Body() dto: UpdatePartnerProfileDto) {
    return toPartnerResponse(await this.partners.updateProfile(area, actor, dto));
  }

  @Put('logo')
  @Authenticated('partner:write')
  @RateLimit(...PHOTO_LIMITS)
  @ApiConsumes('image/jpeg', 'image/png', 'image/webp', 'multipart/form-data')
  @ApiBody({
    description: 'The image itself (JPEG, PNG or WebP, 5 MB at most), or a form with the file in `logo`',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiOkResponse({ type: PartnerResponse })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415, 429)
  @ApiOperation({ summary: 'Replaces the logo: recognised by its content, fitted whole into 96, 320 and 640 px squares (WebP and JPEG), metadata removed' })
  async logo(@PartnerEvent() { area, actor }: PartnerContext, @Req() req: FastifyRequest) {
    return toPartnerResponse(await this.partners.setLogo(area, actor, photoBytes(req.body, 'logo')));
  }

  @Get('figures')
  @Authenticated('partner:read')
  @ApiOkResponse({ type: PageOf(FiguresResponse) })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'The partner’s figures, one entry per reporting year' })
  async listFigures(@PartnerEvent() { area }: PartnerContext) {
    return wholePage((await this.figures.ofPartner(area)).map(toFiguresResponse));
  }

  @Put('figures/:year')
  @Authenticated('partner:write')
  @ApiOkResponse({ type: FiguresResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Saves the year’s figures as a draft (each value with an optional note and source); refused once submitted or accepted' })
  async saveFigures(@PartnerEvent() { area, actor }: PartnerContext, @YearParam() year: number, @Body() dto: SaveFiguresDto) {
    return toFiguresResponse(await this.figures.save(area, actor, year, dto));
  }

  @Post('figures/:year/submit')
  @Authenticated('partner:write')
  @ApiCreatedResponse({ type: FiguresResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  @ApiOperation({ summary: 'Submits the year’s figures for the lead’s review' })
  async submitFigures(@PartnerEvent() { area, actor }: PartnerContext, @YearParam() year: number) {
    return toFiguresResponse(await this.figures.submit(area, actor, year));
  }

  @Get('opportunities')
  @Authenticated('partner:read')
  @ApiOkResponse({ type: PageOf(OpportunityResponse) })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'The partner’s opportunities, open and closed, with how many people left their contact' })
  async listOpportunities(@PartnerEvent() { area }: PartnerContext) {
    return wholePage((await this.opportunities.ofPartner(area)).map(toOpportunityResponse));
  }

  @Post('opportunities')
  @Authenticated('partner:write')
  @ApiCreatedResponse({ type: OpportunityResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  @ApiOperation({ summary: 'Posts a job, internship, training or call for projects on the event’s board, until the end of its deadline’s day' })
  async postOpportunity(@PartnerEvent() { area, actor }: PartnerContext, @Body() dto: CreateOpportunityDto) {
    return toOpportunityResponse({ ...(await this.opportunities.post(area, actor, dto)), contacts: 0, open: true });
  }

  @Delete('opportunities/:id')
  @HttpCode(204)
  @Authenticated('partner:write')
  @ApiNoContentResponse({ description: 'Removed, with the contacts left for it' })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'Removes an opportunity' })
  async removeOpportunity(@PartnerEvent() { area, actor }: PartnerContext, @UuidParam('id') id: string) {
    await this.opportunities.remove(area, actor, id);
  }

  @Get('opportunities/:id/interests')
  @Authenticated('partner:write')
  @ApiOkResponse({ type: PageOf(InterestResponse) })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'The people who left their contact for the opportunity, with the consent they gave' })
  async interests(@PartnerEvent() { area }: PartnerContext, @UuidParam('id') id: string) {
    return wholePage((await this.opportunities.interests(area, id)).interests.map(toInterestResponse));
  }

  @Get('sessions')
  @Authenticated('partner:read')
  @ApiOkResponse({ type: PageOf(PartnerSessionResponse) })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'The sessions the partner proposed, as the lead placed them, with their attendance (counts)' })
  async listSessions(@PartnerEvent() { area }: PartnerContext) {
    return wholePage((await this.sessions.list(area)).map(toPartnerSessionResponse));
  }

  @Post('sessions')
  @Authenticated('partner:write')
  @ApiCreatedResponse({ type: SessionResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  @ApiOperation({ summary: 'Proposes a session: a draft of the programme, which the lead places and publishes in a release' })
  async propose(@PartnerEvent() { area, actor }: PartnerContext, @Body() dto: ProposeSessionDto) {
    return toSessionResponse(await this.sessions.propose(area, actor, dto));
  }
}
