import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EventsService } from '@palabre/events';
import { renderHomePage } from './home-page';
import { pageContext, sendHtml } from './page-context';

@ApiExcludeController()
@Controller()
export class HomePageController {
  constructor(private readonly events: EventsService) {}

  @Get()
  async home(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = pageContext(req, reply);
    sendHtml(reply, renderHomePage({ ...ctx, events: await this.events.listPublished() }), ctx.locale);
  }
}
