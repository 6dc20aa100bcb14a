import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { PageOf, PublicCacheable, RenderedResponse, ResponseCache, sendCached, serveCached } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { ExportDocument, ProgramExportsService, PublicSessionResponse, PublishedProgramService, toPublicSessionResponse } from '@palabre/program';
import { ApiOkDocument } from '../common/api-document';
import { eventCacheKey, JSON_TYPE, PROGRAM_TTL_MS, PUBLIC_CACHE_CONTROL, PUBLIC_TTL_MS } from '../common/public-cache';
import { AgendaQueryDto, keepPage, LangQueryDto, paginate, PageQueryDto, pageQuery } from '../common/query.dto';
import { UuidParam } from '../common/uuid.pipe';
import { ApiRoute } from '../common/api-route';

/** A whole program fits in one page. */
const SESSIONS_PAGE_SIZE = 500;

const asRendered = (doc: ExportDocument, cacheControl = PUBLIC_CACHE_CONTROL): RenderedResponse => ({
  body: doc.body,
  contentType: doc.contentType,
  headers: { 'cache-control': cacheControl },
});

/**
 * The latest release, for everyone: sessions as JSON and the exports calendars and apps
 * read. Each answer is rendered once per release and served from the response cache with a
 * strong ETag (a release invalidates the event's entries), so polling clients mostly get 304.
 */
@ApiTags('program')
@Controller('api/v1')
export class PublicProgramController {
  constructor(
    private readonly events: EventsService,
    private readonly published: PublishedProgramService,
    private readonly exports: ProgramExportsService,
    private readonly cache: ResponseCache,
  ) {}

  @Get('events/:slug/sessions')
  @ApiRoute({ summary: 'The latest release’s sessions, each with room, track and people', ok: PageOf(PublicSessionResponse), problems: [400, 404] })
  @PublicCacheable()
  async sessions(@Param('slug') slug: string, @Query() query: PageQueryDto, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const key = eventCacheKey(slug, `sessions:${query.page ?? 1}:${query.pageSize ?? SESSIONS_PAGE_SIZE}`);
    // The most polled answer: repeated requests are answered before Nest (ResponseCache.remember).
    await serveCached(
      this.cache,
      req,
      reply,
      key,
      PROGRAM_TTL_MS,
      async () => {
        const event = await this.events.getPublished(slug);
        const page = paginate((await this.published.sessions(event.id)).map(toPublicSessionResponse), query, SESSIONS_PAGE_SIZE);
        return {
          body: JSON.stringify(page),
          contentType: JSON_TYPE,
          headers: { 'cache-control': PUBLIC_CACHE_CONTROL },
          keep: keepPage(page, SESSIONS_PAGE_SIZE),
        };
      },
      pageQuery(query),
    );
  }

  @Get('events/:slug/schedule.json')
  @ApiRoute({
    summary: 'c3voc/frab schedule JSON of the latest release',
    ok: {
      description: 'A c3voc/frab schedule',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            description: 'Valid against the c3voc schedule JSON Schema (https://c3voc.de/schedule/schema.json)',
            additionalProperties: true,
          },
        },
      },
    },
    problems: [400, 404],
  })
  async scheduleJson(@Param('slug') slug: string, @Query() query: LangQueryDto, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const lang = query.lang ?? 'fr';
    await this.sendRelease(req, reply, slug, `schedule.json:${lang}`, async (event) => asRendered(await this.exports.scheduleJson(event, lang)));
  }

  @Get('events/:slug/schedule.xml')
  @ApiRoute({ summary: 'c3voc/frab schedule XML of the latest release', problems: [400, 404] })
  @ApiOkDocument('application/xml', 'A c3voc/frab schedule, valid against the c3voc schedule.xml.xsd')
  async scheduleXml(@Param('slug') slug: string, @Query() query: LangQueryDto, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const lang = query.lang ?? 'fr';
    await this.sendRelease(req, reply, slug, `schedule.xml:${lang}`, async (event) => asRendered(await this.exports.scheduleXml(event, lang)));
  }

  @Get('events/:slug/schedule.ics')
  @ApiRoute({ summary: 'The latest release as iCalendar (RFC 5545)', problems: [400, 404] })
  @ApiOkDocument('text/calendar', 'iCalendar (RFC 5545), one VEVENT per session')
  async calendar(@Param('slug') slug: string, @Query() query: LangQueryDto, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const lang = query.lang ?? 'fr';
    await this.sendRelease(req, reply, slug, `schedule.ics:${lang}`, async (event) => asRendered(await this.exports.calendar(event, lang)));
  }

  @Get('events/:slug/sessions/:id/calendar.ics')
  @ApiRoute({ summary: 'One session of the latest release as iCalendar ("add to my calendar")', problems: [400, 404] })
  @ApiOkDocument('text/calendar', 'iCalendar (RFC 5545) with the session’s VEVENT, as an attachment')
  async sessionCalendar(
    @Param('slug') slug: string,
    @UuidParam('id') id: string,
    @Query() query: LangQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = query.lang ?? 'fr';
    await this.sendRelease(req, reply, slug, `session.ics:${id}:${lang}`, async (event) => {
      const doc = await this.exports.sessionCalendar(event, id, lang);
      return { ...asRendered(doc), headers: { 'cache-control': PUBLIC_CACHE_CONTROL, 'content-disposition': `attachment; filename="${doc.filename}"` } };
    });
  }

  @Get('speakers/:id/agenda.ics')
  @ApiRoute({ summary: 'A speaker’s own sessions as iCalendar; the link’s secret token is the only key', problems: [400, 404] })
  @ApiOkDocument('text/calendar', 'iCalendar (RFC 5545): the speaker’s sessions; private, not kept by shared caches')
  async agenda(@UuidParam('id') id: string, @Query() query: AgendaQueryDto, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    // The token is checked on every request; only then may the rendered copy be reused.
    const { speaker, event } = await this.exports.agendaOwner(id, query.token);
    const tokenHash = createHash('sha256').update(query.token).digest('hex').slice(0, 16);
    const key = eventCacheKey(event.slug, `agenda:${speaker.id}:${tokenHash}:${query.lang ?? speaker.locale}`);
    // Personal: no shared cache may keep it.
    const entry = await this.cache.get(key, PUBLIC_TTL_MS, async () =>
      asRendered(await this.exports.speakerAgenda(speaker, event, query.lang), 'private, max-age=60, must-revalidate'),
    );
    sendCached(req, reply, entry);
  }

  /** An export of the published event's latest release, rendered once (per `part`: what and in which language) and served from the cache. */
  private async sendRelease(req: FastifyRequest, reply: FastifyReply, slug: string, part: string, render: (event: EventView) => Promise<RenderedResponse>) {
    const entry = await this.cache.get(eventCacheKey(slug, part), PROGRAM_TTL_MS, async () => render(await this.events.getPublished(slug)));
    sendCached(req, reply, entry);
  }
}
