import { Controller, Get, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '@palabre/platform';
import { CreateSpeakerDto, InviteSpeaker, SpeakersService, UpdateSpeakerDto } from '@palabre/speakers';
import { formProblem, seeOther, sendAdminHtml } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { UuidParam } from '../common/uuid.pipe';
import { eventPath, OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { validForm } from './form-check';
import { FormBody, withFormFields } from './form-values';
import { renderSpeakerPage, renderSpeakersPage, speakerBody, speakerFormField, speakerFormFromView, speakerFormValues, SpeakersNotice } from './speakers-pages';
import { FormFields } from '../common/form-fields';

const NOTICES: SpeakersNotice[] = ['added', 'saved', 'invited', 'already-invited', 'merged'];

/** The event's speakers: list, add, edit a profile, invite (`speakers:write`; reading for every member). */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/events/:slug/speakers')
export class SpeakersPagesController {
  constructor(
    private readonly speakers: SpeakersService,
    private readonly inviteSpeaker: InviteSpeaker,
  ) {}

  @Get()
  @Authenticated('organization:read')
  async list(@OrganizerEvent() ctx: OrganizerEventContext, @Query('done') done: string | undefined, @Res() reply: FastifyReply) {
    await this.renderList(ctx, reply, { notice: NOTICES.find((n) => n === done) });
  }

  @Post()
  @Authenticated('speakers:write')
  async add(@OrganizerEvent('/speakers') ctx: OrganizerEventContext, @FormFields() body: FormBody, @Res() reply: FastifyReply) {
    const values = speakerFormValues(body);
    try {
      await this.speakers.create(ctx.event.organizationId, ctx.event.id, await validForm(CreateSpeakerDto, speakerBody(values, undefined)));
      seeOther(reply, `${eventPath(ctx, '/speakers')}?done=added`);
    } catch (error) {
      const problem = withFormFields(formProblem(error, ctx.locale), speakerFormField);
      await this.renderList(ctx, reply, { add: { values, problem } }, problem.status);
    }
  }

  @Get(':id')
  @Authenticated('organization:read')
  async profile(
    @OrganizerEvent() ctx: OrganizerEventContext,
    @UuidParam('id') id: string,
    @Query('done') done: string | undefined,
    @Res() reply: FastifyReply,
  ) {
    const speaker = await this.speakers.get(ctx.event.organizationId, ctx.event.id, id);
    const others = await this.speakers.list(ctx.event.organizationId, ctx.event.id);
    sendAdminHtml(
      reply,
      renderSpeakerPage(ctx, { speaker, values: speakerFormFromView(speaker), notice: NOTICES.find((n) => n === done), others }),
      ctx.locale,
    );
  }

  @Post(':id')
  @Authenticated('speakers:write')
  async edit(
    @OrganizerEvent('/speakers/:id') ctx: OrganizerEventContext,
    @UuidParam('id') id: string,
    @FormFields() body: FormBody,
    @Res() reply: FastifyReply,
  ) {
    const speaker = await this.speakers.get(ctx.event.organizationId, ctx.event.id, id);
    const values = speakerFormValues(body);
    try {
      await this.speakers.update(ctx.event.organizationId, ctx.event.id, id, await validForm(UpdateSpeakerDto, speakerBody(values, null)));
      seeOther(reply, `${eventPath(ctx, `/speakers/${id}`)}?done=saved`);
    } catch (error) {
      const problem = withFormFields(formProblem(error, ctx.locale), speakerFormField);
      sendAdminHtml(reply, renderSpeakerPage(ctx, { speaker, values, problem }), ctx.locale, problem.status);
    }
  }

  /** From the list or the profile: back to the list with what happened. */
  @Post(':id/invite')
  @Authenticated('speakers:write')
  async invite(@OrganizerEvent('/speakers') ctx: OrganizerEventContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    try {
      const invitation = await this.inviteSpeaker.execute(ctx.actor, id, { eventId: ctx.event.id });
      seeOther(reply, `${eventPath(ctx, '/speakers')}?done=${invitation.queued ? 'invited' : 'already-invited'}`);
    } catch (error) {
      const problem = formProblem(error, ctx.locale);
      await this.renderList(ctx, reply, { problem }, problem.status);
    }
  }

  private async renderList(ctx: OrganizerEventContext, reply: FastifyReply, props: Omit<Parameters<typeof renderSpeakersPage>[1], 'speakers'>, status = 200) {
    const speakers = await this.speakers.list(ctx.event.organizationId, ctx.event.id);
    sendAdminHtml(reply, renderSpeakersPage(ctx, { speakers, ...props }), ctx.locale, status);
  }
}
