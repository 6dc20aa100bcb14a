import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Authenticated, CurrentActor, ProblemDocument } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { CreateSpeakerDto, InviteSpeaker, SpeakersService, UpdateSpeakerDto } from '@palabre/speakers';
import { formProblem, seeOther, sendAdminHtml, validationProblem } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { UuidParam } from '../common/uuid.pipe';
import { eventPath, EventPageContext } from './event-layout';
import { checkedForm } from './form-check';
import { eventPageContext, FormBody, withFormFields } from './form-values';
import { renderSpeakerPage, renderSpeakersPage, speakerBody, speakerFormField, speakerFormFromView, speakerFormValues, SpeakersNotice } from './speakers-pages';
import { FormFields } from '../common/form-fields';

const NOTICES: SpeakersNotice[] = ['added', 'saved', 'invited', 'already-invited'];

/** The event's speakers: list, add, edit a profile, invite (`speakers:write`; reading for every member). */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/events/:slug/speakers')
export class SpeakersPagesController {
  constructor(
    private readonly events: EventsService,
    private readonly speakers: SpeakersService,
    private readonly inviteSpeaker: InviteSpeaker,
  ) {}

  @Get()
  @Authenticated('organization:read')
  async list(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @Query('done') done: string | undefined, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = await eventPageContext(this.events, req, reply, actor, orgSlug, slug, 'organization:read');
    await this.renderList(ctx, reply, { notice: NOTICES.find((n) => n === done) });
  }

  @Post()
  @Authenticated('speakers:write')
  async add(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = await eventPageContext(this.events, req, reply, actor, orgSlug, slug, 'speakers:write', '/speakers');
    const values = speakerFormValues(body);
    const refuse = (problem: ProblemDocument) => this.renderList(ctx, reply, { add: { values, problem: withFormFields(problem, speakerFormField) } }, problem.status);
    const form = await checkedForm(CreateSpeakerDto, speakerBody(values, undefined));
    if (!form.ok) return refuse(validationProblem(form.errors, ctx.locale));
    try {
      await this.speakers.create(ctx.event.organizationId, ctx.event.id, form.value);
      seeOther(reply, `${eventPath(ctx, '/speakers')}?done=added`);
    } catch (error) {
      await refuse(formProblem(error, ctx.locale));
    }
  }

  @Get(':id')
  @Authenticated('organization:read')
  async profile(
    @CurrentActor() actor: Actor,
    @Param('orgSlug') orgSlug: string,
    @Param('slug') slug: string,
    @UuidParam('id') id: string,
    @Query('done') done: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = await eventPageContext(this.events, req, reply, actor, orgSlug, slug, 'organization:read');
    const speaker = await this.speakers.get(ctx.event.organizationId, ctx.event.id, id);
    sendAdminHtml(reply, renderSpeakerPage(ctx, { speaker, values: speakerFormFromView(speaker), notice: NOTICES.find((n) => n === done) }), ctx.locale);
  }

  @Post(':id')
  @Authenticated('speakers:write')
  async edit(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @UuidParam('id') id: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = await eventPageContext(this.events, req, reply, actor, orgSlug, slug, 'speakers:write', `/speakers/${id}`);
    const speaker = await this.speakers.get(ctx.event.organizationId, ctx.event.id, id);
    const values = speakerFormValues(body);
    const refuse = (problem: ProblemDocument) =>
      sendAdminHtml(reply, renderSpeakerPage(ctx, { speaker, values, problem: withFormFields(problem, speakerFormField) }), ctx.locale, problem.status);
    const form = await checkedForm(UpdateSpeakerDto, speakerBody(values, null));
    if (!form.ok) return refuse(validationProblem(form.errors, ctx.locale));
    try {
      await this.speakers.update(ctx.event.organizationId, ctx.event.id, id, form.value);
      seeOther(reply, `${eventPath(ctx, `/speakers/${id}`)}?done=saved`);
    } catch (error) {
      refuse(formProblem(error, ctx.locale));
    }
  }

  /** From the list or the profile: back to the list with what happened. */
  @Post(':id/invite')
  @Authenticated('speakers:write')
  async invite(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @UuidParam('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = await eventPageContext(this.events, req, reply, actor, orgSlug, slug, 'speakers:write', '/speakers');
    try {
      const invitation = await this.inviteSpeaker.execute(actor, id, { eventId: ctx.event.id });
      seeOther(reply, `${eventPath(ctx, '/speakers')}?done=${invitation.queued ? 'invited' : 'already-invited'}`);
    } catch (error) {
      const problem = formProblem(error, ctx.locale);
      await this.renderList(ctx, reply, { problem }, problem.status);
    }
  }

  private async renderList(ctx: EventPageContext, reply: FastifyReply, props: Omit<Parameters<typeof renderSpeakersPage>[1], 'speakers'>, status = 200) {
    const speakers = await this.speakers.list(ctx.event.organizationId, ctx.event.id);
    sendAdminHtml(reply, renderSpeakersPage(ctx, { speakers, ...props }), ctx.locale, status);
  }
}
