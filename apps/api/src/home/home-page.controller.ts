import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicCacheable, ResponseCache, serveCached } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { htmlPage } from '../common/html-page';
import { renderHomePage } from './home-page';
import { pageContext } from './page-context';

/** Public pages may lag this much behind a write made in another process. */
export const PUBLIC_PAGE_TTL_MS = 5_000;

@ApiExcludeController()
@Controller()
export class HomePageController {
  constructor(
    private readonly events: EventsService,
    private readonly cache: ResponseCache,
  ) {}

  @Get()
  @PublicCacheable()
  async home(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = pageContext(req, reply);
    // One copy per language, remembered for `/` only: the page has no parameter, so a stray query adds nothing.
    await serveCached(this.cache, req, reply, `home:${ctx.locale}`, PUBLIC_PAGE_TTL_MS, async () =>
      htmlPage(renderHomePage({ locale: ctx.locale, path: '/', events: await this.events.listPublished() }), ctx.locale),
    );
  }
}
