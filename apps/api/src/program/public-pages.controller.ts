import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Clock, PublicCacheable, RenderedResponse, ResponseCache, serveCached } from '@palabre/platform';
import { ProgramError } from '@palabre/program';
import { eventCacheKey, eventPageKey, PROGRAM_TTL_MS, PUBLIC_TTL_MS } from '../common/public-cache';
import { pageContext } from '../home/page-context';
import { parseProgramQuery, selectionKey, selectionQuery } from './program-query';
import { PublicPagesService } from './public-pages.service';

const SESSION_NUMBER = /^[1-9]\d{0,8}$/;

/**
 * The public pages of an event: the event, its program, a session, the speakers, the release
 * history. French first, no script, rendered once per language (and per filter choice) into
 * the response cache under `event:<slug>:page:…`, which a release or an event edit empties.
 * A cache hit costs the locale, one or two map lookups and the send; a repeated request, only
 * the locale, one lookup and the send, before Nest's routing (ResponseCache.remember).
 */
@ApiExcludeController()
@Controller('e/:slug')
export class PublicPagesController {
  constructor(
    private readonly pages: PublicPagesService,
    private readonly cache: ResponseCache,
    private readonly clock: Clock,
  ) {}

  @Get()
  @PublicCacheable()
  async event(@Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale } = pageContext(req, reply);
    await this.send(req, reply, eventPageKey(slug, locale), () => this.pages.eventPage(slug, locale), '', PUBLIC_TTL_MS);
  }

  @Get('programme')
  @PublicCacheable()
  async program(@Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale } = pageContext(req, reply);
    // The query is read against the release's own choices, so the key names only real combinations.
    const choices = await this.pages.choices(slug);
    const selection = parseProgramQuery(req.query, choices, this.clock.now().getTime());
    const key = eventCacheKey(slug, `page:programme:r${choices.release}:${locale}:${selectionKey(selection)}`);
    // Remembered only as the page's own links write it: a value the program does not offer makes another address.
    await this.send(req, reply, key, () => this.pages.programPage(slug, locale, selection), selectionQuery(selection, 'fr').slice(1));
  }

  @Get('programme/versions')
  @PublicCacheable()
  async releases(@Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale } = pageContext(req, reply);
    await this.send(req, reply, eventCacheKey(slug, `page:versions:${locale}`), () => this.pages.releasesPage(slug, locale));
  }

  @Get('programme/:number')
  @PublicCacheable()
  async session(@Param('slug') slug: string, @Param('number') number: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale } = pageContext(req, reply);
    if (!SESSION_NUMBER.test(number)) throw new ProgramError('SESSION_NOT_FOUND');
    await this.send(req, reply, eventCacheKey(slug, `page:session:${number}:${locale}`), () => this.pages.sessionPage(slug, Number(number), locale));
  }

  @Get('intervenants')
  @PublicCacheable()
  async speakers(@Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale } = pageContext(req, reply);
    await this.send(req, reply, eventCacheKey(slug, `page:speakers:${locale}`), () => this.pages.speakersPage(slug, locale));
  }

  /** From the cache; the next request for the same canonical address is answered before it gets here (see ResponseCache.remember). */
  private send(
    req: FastifyRequest,
    reply: FastifyReply,
    key: string,
    render: () => Promise<RenderedResponse>,
    canonicalQuery = '',
    ttlMs = PROGRAM_TTL_MS,
  ): Promise<void> {
    return serveCached(this.cache, req, reply, key, ttlMs, render, canonicalQuery);
  }
}
