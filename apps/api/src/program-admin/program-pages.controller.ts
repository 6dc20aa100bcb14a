import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, PlatformError, translator } from '@palabre/platform';
import { RoomsService } from '@palabre/events';
import {
  CreateSessionDto,
  eventDays,
  PublishReleaseDto,
  ReleasesService,
  SessionsService,
  toSessionResponse,
  UpdateSessionDto,
  zonedInstant,
} from '@palabre/program';
import { SpeakersService } from '@palabre/speakers';
import { seeOther, sendAdminHtml, submitForm } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { UuidParam } from '../common/uuid.pipe';
import { validForm } from './form-check';
import { field } from './form-values';
import { EventForm, EventFormContext, eventPath, OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { buildProgramGrid } from './program-grid';
import { ProgramNotice, renderProgramPage, renderSessionPage, SessionPageProps } from './program-pages';
import { renderReleasesPage, ReleasesPageProps } from './releases-page';
import {
  newSessionFormValues,
  ParsedSessionForm,
  sessionBody,
  sessionFormField,
  sessionFormFromView,
  sessionFormValues,
  SessionFormValues,
} from './session-form';
import { MoveSessionForm } from './move-session.form';
import { Notice } from '../common/notice';

const NOTICES: ProgramNotice[] = ['created', 'saved', 'deleted', 'moved'];

/**
 * The program editor: a day as rooms × time, the session form (new, edit, delete), moves
 * by drag and drop, and the release page. Writes need `program:write`; every member reads.
 */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/events/:slug')
export class ProgramPagesController {
  constructor(
    private readonly rooms: RoomsService,
    private readonly speakers: SpeakersService,
    private readonly sessions: SessionsService,
    private readonly releases: ReleasesService,
  ) {}

  @Get('program')
  @Authenticated('organization:read')
  async grid(@OrganizerEvent() ctx: OrganizerEventContext, @Query() query: Record<string, string | undefined>, @Res() reply: FastifyReply) {
    const days = eventDays(ctx.event);
    const day = days.find((d) => String(d.index) === query.day) ?? days[0];
    const [rooms, tracks, sessions] = await Promise.all([
      this.rooms.listRooms(ctx.event.organizationId, ctx.event.id),
      this.rooms.listTracks(ctx.event.organizationId, ctx.event.id),
      this.sessions.list(ctx.event),
    ]);
    const grid = buildProgramGrid(day, ctx.event.timeZone, rooms, sessions, translator(ctx.locale)('Sans salle', 'No room'));
    sendAdminHtml(reply, renderProgramPage(ctx, { grid, days, tracks, notice: NOTICES.find((n) => n === query.done) }), ctx.locale);
  }

  /** The form of a new session, placed where the grid says (`?day=2030-06-10&start=09:00&room=…`). */
  @Get('program/sessions/new')
  @Authenticated('program:write')
  async newSession(@OrganizerEvent() ctx: OrganizerEventContext, @Query() query: Record<string, string | undefined>, @Res() reply: FastifyReply) {
    const days = eventDays(ctx.event);
    const day = days.find((d) => d.date === query.day) ?? days[0];
    sendAdminHtml(reply, await this.sessionHtml(ctx, { values: newSessionFormValues({ day: day.date, start: query.start, roomId: query.room }) }), ctx.locale);
  }

  @Post('program/sessions')
  @Authenticated('program:write')
  async create(@EventForm('/program/sessions/new') ctx: EventFormContext, @Res() reply: FastifyReply) {
    const values = sessionFormValues(ctx.fields);
    const parsed = sessionBody(values, ctx.event, undefined);
    await this.submit(ctx, reply, values, parsed, undefined, async () => {
      const created = await this.sessions.create(ctx.event, await validForm(CreateSessionDto, parsed));
      return this.dayLink(ctx, created.startsAt, 'created');
    });
  }

  @Get('program/sessions/:id')
  @Authenticated('organization:read')
  async session(
    @OrganizerEvent() ctx: OrganizerEventContext,
    @UuidParam('id') id: string,
    @Notice(NOTICES) notice: ProgramNotice | undefined,
    @Res() reply: FastifyReply,
  ) {
    const session = await this.sessions.get(ctx.event, id);
    sendAdminHtml(reply, await this.sessionHtml(ctx, { session, values: sessionFormFromView(session, ctx.event.timeZone), notice }), ctx.locale);
  }

  @Post('program/sessions/:id')
  @Authenticated('program:write')
  async update(@EventForm('/program/sessions/:id') ctx: EventFormContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    const session = await this.sessions.get(ctx.event, id);
    const values = sessionFormValues(ctx.fields);
    const parsed = sessionBody(values, ctx.event, null);
    await this.submit(ctx, reply, values, parsed, session, async () => {
      const saved = await this.sessions.update(ctx.event, id, await validForm(UpdateSessionDto, parsed));
      return this.dayLink(ctx, saved.startsAt, 'saved');
    });
  }

  @Post('program/sessions/:id/delete')
  @Authenticated('program:write')
  async remove(@OrganizerEvent() ctx: OrganizerEventContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    const session = await this.sessions.get(ctx.event, id);
    await this.sessions.delete(ctx.event, id);
    seeOther(reply, this.dayLink(ctx, session.startsAt, 'deleted'));
  }

  /**
   * Drag and drop: `{ roomId, date, time }` (the script sends JSON with the X-CSRF-Token
   * header and gets JSON back, a problem on a conflict); a plain form post gets a 303 to the day.
   */
  @Post('program/sessions/:id/move')
  @Authenticated('program:write')
  async move(@EventForm() ctx: EventFormContext, @UuidParam('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const form = await validForm(MoveSessionForm, {
      body: { roomId: field(ctx.fields, 'roomId'), date: field(ctx.fields, 'date'), time: field(ctx.fields, 'time') },
    });
    const startsAt = zonedInstant(form.date, form.time, ctx.event.timeZone);
    if (!startsAt)
      throw new PlatformError('VALIDATION_FAILED', {}, [
        { field: 'time', message: { fr: 'Heure attendue (ex. 09:30).', en: 'A time is expected (e.g. 09:30).' } },
      ]);
    const moved = await this.sessions.move(ctx.event, id, { startsAt, roomId: form.roomId || null });
    if (String(req.headers.accept ?? '').includes('application/json')) {
      void reply.status(200).header('cache-control', 'no-store').send(toSessionResponse(moved));
      return;
    }
    seeOther(reply, this.dayLink(ctx, moved.startsAt, 'moved'));
  }

  @Get('releases')
  @Authenticated('organization:read')
  async releasesPage(@OrganizerEvent() ctx: OrganizerEventContext, @Notice(['published']) notice: string | undefined, @Res() reply: FastifyReply) {
    sendAdminHtml(reply, await this.releasesHtml(ctx, { note: '', published: notice === 'published' }), ctx.locale);
  }

  @Post('releases')
  @Authenticated('program:write')
  async publish(@EventForm('/releases') ctx: EventFormContext, @Res() reply: FastifyReply) {
    const note = field(ctx.fields, 'note');
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        const form = await validForm(PublishReleaseDto, { body: { note } });
        await this.releases.publish(ctx.event, form.note ?? '', ctx.actor.userId);
        return `${eventPath(ctx, '/releases')}?done=published`;
      },
      (problem) => this.releasesHtml(ctx, { note, problem }),
    );
  }

  /**
   * A session form's write: `work` answers where to go next. A refusal shows the form again,
   * as typed, with its problem beside the fields.
   */
  private async submit(
    ctx: OrganizerEventContext,
    reply: FastifyReply,
    values: SessionFormValues,
    parsed: ParsedSessionForm,
    session: SessionPageProps['session'],
    work: () => Promise<string>,
  ) {
    await submitForm(
      reply,
      ctx.locale,
      work,
      (problem) => this.sessionHtml(ctx, { session, values, problem }),
      (f) => sessionFormField(f, parsed.rows),
    );
  }

  private dayLink(ctx: OrganizerEventContext, startsAt: Date, done: ProgramNotice): string {
    const day = eventDays(ctx.event).find((d) => startsAt >= d.start && startsAt < d.end);
    return `${eventPath(ctx, '/program')}?day=${day?.index ?? 1}&done=${done}`;
  }

  private async sessionHtml(ctx: OrganizerEventContext, props: Pick<SessionPageProps, 'session' | 'values' | 'problem' | 'notice'>): Promise<string> {
    const [rooms, tracks, speakers] = await Promise.all([
      this.rooms.listRooms(ctx.event.organizationId, ctx.event.id),
      this.rooms.listTracks(ctx.event.organizationId, ctx.event.id),
      this.speakers.list(ctx.event.organizationId, ctx.event.id),
    ]);
    return renderSessionPage(ctx, { ...props, days: eventDays(ctx.event), rooms, tracks, speakers });
  }

  private async releasesHtml(ctx: OrganizerEventContext, props: Omit<ReleasesPageProps, 'preview' | 'releases' | 'sessions'>): Promise<string> {
    const preview = await this.releases.preview(ctx.event);
    const releases = await this.releases.list(ctx.event);
    const sessions = await this.sessions.list(ctx.event);
    return renderReleasesPage(ctx, { ...props, preview, releases, sessions });
  }
}
