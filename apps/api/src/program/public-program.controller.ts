import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EventsService } from '@palabre/events';
import { ProgramExportsService, PublishedProgramService } from '@palabre/program';
import { sendWithEtag } from '../common/conditional-get';
import { AgendaQueryDto, LangQueryDto, paginate, PageQueryDto } from '../common/query.dto';
import { UuidParam } from '../common/uuid.pipe';
import { toPublicSessionResponse } from './program.responses';

/** The latest release, for everyone: sessions as JSON, and the exports calendars and apps read. */
@ApiTags('program')
@Controller('api/v1')
export class PublicProgramController {
  constructor(
    private readonly events: EventsService,
    private readonly published: PublishedProgramService,
    private readonly exports: ProgramExportsService,
  ) {}

  @Get('events/:slug/sessions')
  @ApiOperation({ summary: 'The latest release’s sessions, each with room, track and people' })
  async sessions(@Param('slug') slug: string, @Query() query: PageQueryDto) {
    const event = await this.events.getPublished(slug);
    return paginate((await this.published.sessions(event.id)).map(toPublicSessionResponse), query, 500);
  }

  @Get('events/:slug/schedule.json')
  @ApiOperation({ summary: 'c3voc/frab schedule JSON of the latest release' })
  async scheduleJson(@Param('slug') slug: string, @Query() query: LangQueryDto, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const event = await this.events.getPublished(slug);
    sendWithEtag(req, reply, await this.exports.scheduleJson(event, query.lang ?? 'fr'));
  }

  @Get('events/:slug/schedule.xml')
  @ApiOperation({ summary: 'c3voc/frab schedule XML of the latest release' })
  async scheduleXml(@Param('slug') slug: string, @Query() query: LangQueryDto, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const event = await this.events.getPublished(slug);
    sendWithEtag(req, reply, await this.exports.scheduleXml(event, query.lang ?? 'fr'));
  }

  @Get('events/:slug/schedule.ics')
  @ApiOperation({ summary: 'The latest release as iCalendar (RFC 5545)' })
  async calendar(@Param('slug') slug: string, @Query() query: LangQueryDto, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const event = await this.events.getPublished(slug);
    sendWithEtag(req, reply, await this.exports.calendar(event, query.lang ?? 'fr'));
  }

  @Get('speakers/:id/agenda.ics')
  @ApiOperation({ summary: 'A speaker’s own sessions as iCalendar; the link’s secret token is the only key' })
  async agenda(@UuidParam('id') id: string, @Query() query: AgendaQueryDto, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    // Personal: no shared cache may keep it.
    sendWithEtag(req, reply, await this.exports.speakerAgenda(id, query.token, query.lang), 'private, max-age=300');
  }
}
