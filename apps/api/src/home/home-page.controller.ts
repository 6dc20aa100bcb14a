import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ResponseCache, sendCached } from '@palabre/platform';
import { EventsService } from '@palabre/events';
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
  async home(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = pageContext(req, reply);
    const page = await this.cache.get(`home:${ctx.locale}:${ctx.path}`, PUBLIC_PAGE_TTL_MS, async () => ({
      body: renderHomePage({ ...ctx, events: await this.events.listPublished() }),
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-language': ctx.locale, 'cache-control': 'public, max-age=0, must-revalidate' },
    }));
    sendCached(req, reply, page);
  }
}
