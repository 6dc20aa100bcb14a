import { Controller, Get, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, Authenticated, CurrentActor, PlatformError } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { ProgramExportsService, SpeakerSessionsService } from '@palabre/program';
import { AdminContext, AdminPage, seeOther, sendAdminHtml } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { FormFields } from '../common/form-fields';
import { UuidParam } from '../common/uuid.pipe';
import { field, FormBody } from '../program-admin/form-values';
import { renderSpeakerSessionsPage, SpeakerSessionsNotice } from './speaker-sessions-page';
import { Notice } from '../common/notice';

const NOTICES: SpeakerSessionsNotice[] = ['accepted', 'declined'];

/**
 * `/intervenant/sessions`: the signed-in speaker's sessions, with Accept and Decline forms
 * (plain posts, no script) and their agenda as iCalendar. The same service as `/api/v1/me/sessions`.
 */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('intervenant/sessions')
export class SpeakerSessionsPageController {
  constructor(
    private readonly sessions: SpeakerSessionsService,
    private readonly events: EventsService,
    private readonly exports: ProgramExportsService,
  ) {}

  @Get()
  @Authenticated()
  async page(@AdminPage() ctx: AdminContext, @Notice(NOTICES) notice: SpeakerSessionsNotice | undefined, @Res() reply: FastifyReply) {
    sendAdminHtml(reply, renderSpeakerSessionsPage(ctx, await this.sessions.list(ctx.actor.userId), notice), ctx.locale);
  }

  @Post(':id/answer')
  @Authenticated()
  async answer(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @FormFields() body: FormBody, @Res() reply: FastifyReply) {
    const answer = field(body, 'answer');
    if (answer !== 'accepted' && answer !== 'declined') {
      throw new PlatformError('VALIDATION_FAILED', {}, [{ field: 'answer', message: { fr: 'Acceptez ou déclinez.', en: 'Accept or decline.' } }]);
    }
    const note = field(body, 'note').slice(0, 1000);
    await this.sessions.answer(actor.userId, id, answer, note);
    seeOther(reply, `/intervenant/sessions?done=${answer}#session-${id}`);
  }

  /** The speaker's published sessions as iCalendar, for the profile the signed-in account holds. */
  @Get('profiles/:id/agenda.ics')
  @Authenticated()
  async agenda(@CurrentActor() actor: Actor, @UuidParam('id') speakerId: string, @Res() reply: FastifyReply) {
    const speaker = (await this.sessions.profilesOf(actor.userId)).find((s) => s.id === speakerId);
    if (!speaker) throw new PlatformError('NOT_FOUND');
    const doc = await this.exports.speakerAgenda(speaker, await this.events.getById(speaker.eventId));
    void reply
      .header('content-type', doc.contentType)
      .header('content-disposition', `attachment; filename="${doc.filename}"`)
      .header('cache-control', 'private, no-store')
      .send(doc.body);
  }
}
