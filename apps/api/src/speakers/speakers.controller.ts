import { Body, Controller, Get, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Actor, AppConfig, PageOf, ResponseCache, sendCached } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { PublishedProgramService, programLinks } from '@palabre/program';
import {
  AgendaLinkResponse,
  CreateSpeakerDto,
  PublicSpeakerResponse,
  SpeakerResponse,
  SpeakersService,
  toPublicSpeakerResponse,
  toSpeakerResponse,
  UpdateSpeakerDto,
} from '@palabre/speakers';
import { MaybeActor } from '../common/maybe-actor';
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { eventCacheKey, JSON_TYPE, PUBLIC_CACHE_CONTROL, PROGRAM_TTL_MS } from '../common/public-cache';
import { keepPage, paginate, PageQueryDto } from '../common/query.dto';
import { UuidParam } from '../common/uuid.pipe';
import { ApiRoute } from '../common/api-route';

const SPEAKERS_PAGE_SIZE = 200;

@ApiTags('speakers')
@Controller('api/v1/events/:slug/speakers')
export class SpeakersController {
  constructor(
    private readonly config: AppConfig,
    private readonly events: EventsService,
    private readonly speakers: SpeakersService,
    private readonly published: PublishedProgramService,
    private readonly cache: ResponseCache,
  ) {}

  @Post()
  @ApiRoute({ summary: 'Adds a speaker profile to the event', permission: 'speakers:write', created: SpeakerResponse, problems: [400, 409] })
  @ApiBearerAuth()
  async create(@OrganizerEvent() { event }: OrganizerEventContext, @Body() dto: CreateSpeakerDto) {
    return toSpeakerResponse(await this.speakers.create(event.organizationId, event.id, dto));
  }

  /**
   * One route, two audiences (as the API contract has it): a member of the event's
   * organization gets every profile of the event with contact details; anyone else gets the
   * public profiles of the latest release.
   */
  @Get()
  @ApiRoute({
    summary: 'Speakers: all profiles for the organization’s members, the released public profiles for everyone else',
    ok: {
      description: 'Every profile with contact details for a member of the event’s organization; the released public profiles for anyone else',
      schema: { oneOf: [{ $ref: getSchemaPath(PageOf(SpeakerResponse)) }, { $ref: getSchemaPath(PageOf(PublicSpeakerResponse)) }] },
    },
    problems: [400, 404],
  })
  @ApiExtraModels(PageOf(SpeakerResponse), PageOf(PublicSpeakerResponse))
  async list(
    @MaybeActor() actor: Actor | undefined,
    @Param('slug') slug: string,
    @Query() query: PageQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const own = await this.events.forMember(actor, slug);
    if (own) {
      void reply
        .header('cache-control', 'private, no-store')
        .send(paginate((await this.speakers.list(own.organizationId, own.id)).map(toSpeakerResponse), query));
      return;
    }
    const entry = await this.cache.get(eventCacheKey(slug, `speakers:${query.page ?? 1}:${query.pageSize ?? SPEAKERS_PAGE_SIZE}`), PROGRAM_TTL_MS, async () => {
      const event = await this.events.getPublished(slug);
      const page = paginate((await this.published.speakers(event.id)).map(toPublicSpeakerResponse), query, SPEAKERS_PAGE_SIZE);
      // The same address answers members differently: caches must key on who asks.
      const headers = { 'cache-control': PUBLIC_CACHE_CONTROL, vary: 'accept-encoding, authorization, cookie' };
      return { body: JSON.stringify(page), contentType: JSON_TYPE, headers, keep: keepPage(page, SPEAKERS_PAGE_SIZE) };
    });
    sendCached(req, reply, entry);
  }

  @Get(':id')
  @ApiRoute({ summary: 'One speaker profile (organizers)', permission: 'organization:read', ok: SpeakerResponse, problems: [400] })
  @ApiBearerAuth()
  async one(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    return toSpeakerResponse(await this.speakers.get(event.organizationId, event.id, id));
  }

  @Patch(':id')
  @ApiRoute({ summary: 'Edits a speaker profile', permission: 'speakers:write', ok: SpeakerResponse, problems: [400, 409] })
  @ApiBearerAuth()
  async update(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string, @Body() dto: UpdateSpeakerDto) {
    return toSpeakerResponse(await this.speakers.update(event.organizationId, event.id, id, dto));
  }

  @Post(':id/agenda-link')
  @ApiRoute({
    summary: 'A new secret link to the speaker’s own agenda (iCalendar); the previous one stops working',
    permission: 'speakers:write',
    ok: AgendaLinkResponse,
    problems: [400],
  })
  @ApiBearerAuth()
  async agendaLink(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    const token = await this.speakers.issueAgendaToken(event.organizationId, event.id, id);
    return { url: programLinks.agenda(this.config.publicUrl, id, token) };
  }
}
