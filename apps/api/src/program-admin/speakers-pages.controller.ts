import { Controller, Get, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '@palabre/platform';
import { CreateSpeakerDto, InviteSpeaker, SpeakersService, UpdateSpeakerDto } from '@palabre/speakers';
import { sendAdminHtml, submitForm } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { UuidParam } from '../common/uuid.pipe';
import { EventForm, EventFormContext, eventPath, OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { validForm } from './form-check';
import { renderSpeakerPage, renderSpeakersPage, speakerBody, speakerFormField, speakerFormFromView, speakerFormValues, SpeakersNotice } from './speakers-pages';
import { Notice } from '../common/notice';

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
  async list(@OrganizerEvent() ctx: OrganizerEventContext, @Notice(NOTICES) notice: SpeakersNotice | undefined, @Res() reply: FastifyReply) {
    sendAdminHtml(reply, await this.listHtml(ctx, { notice }), ctx.locale);
  }

  @Post()
  @Authenticated('speakers:write')
  async add(@EventForm('/speakers') ctx: EventFormContext, @Res() reply: FastifyReply) {
    const values = speakerFormValues(ctx.fields);
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        await this.speakers.create(ctx.event.organizationId, ctx.event.id, await validForm(CreateSpeakerDto, speakerBody(values, undefined)));
        return `${eventPath(ctx, '/speakers')}?done=added`;
      },
      (problem) => this.listHtml(ctx, { add: { values, problem } }),
      speakerFormField,
    );
  }

  @Get(':id')
  @Authenticated('organization:read')
  async profile(
    @OrganizerEvent() ctx: OrganizerEventContext,
    @UuidParam('id') id: string,
    @Notice(NOTICES) notice: SpeakersNotice | undefined,
    @Res() reply: FastifyReply,
  ) {
    const speaker = await this.speakers.get(ctx.event.organizationId, ctx.event.id, id);
    const others = await this.speakers.list(ctx.event.organizationId, ctx.event.id);
    sendAdminHtml(reply, renderSpeakerPage(ctx, { speaker, values: speakerFormFromView(speaker), notice, others }), ctx.locale);
  }

  @Post(':id')
  @Authenticated('speakers:write')
  async edit(@EventForm('/speakers/:id') ctx: EventFormContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    const speaker = await this.speakers.get(ctx.event.organizationId, ctx.event.id, id);
    const values = speakerFormValues(ctx.fields);
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        await this.speakers.update(ctx.event.organizationId, ctx.event.id, id, await validForm(UpdateSpeakerDto, speakerBody(values, null)));
        return `${eventPath(ctx, `/speakers/${id}`)}?done=saved`;
      },
      (problem) => renderSpeakerPage(ctx, { speaker, values, problem }),
      speakerFormField,
    );
  }

  /** From the list or the profile: back to the list with what happened. */
  @Post(':id/invite')
  @Authenticated('speakers:write')
  async invite(@OrganizerEvent('/speakers') ctx: OrganizerEventContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        const invitation = await this.inviteSpeaker.execute(ctx.actor, id, { eventId: ctx.event.id });
        return `${eventPath(ctx, '/speakers')}?done=${invitation.queued ? 'invited' : 'already-invited'}`;
      },
      (problem) => this.listHtml(ctx, { problem }),
    );
  }

  private async listHtml(ctx: OrganizerEventContext, props: Omit<Parameters<typeof renderSpeakersPage>[1], 'speakers'>): Promise<string> {
    const speakers = await this.speakers.list(ctx.event.organizationId, ctx.event.id);
    return renderSpeakersPage(ctx, { speakers, ...props });
  }
}
