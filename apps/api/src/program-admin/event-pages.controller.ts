import { Controller, Get, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '@palabre/platform';
import { CreateEventDto, EventsService, UpdateEventDto } from '@palabre/events';
import { seeOther, sendAdminHtml, submitForm } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { renderEventsPage } from '../admin/organization-pages';
import { EventForm, EventFormContext, eventPath, OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { OrganizationForm, OrganizationFormContext } from '../common/organizer-organization';
import { createEventBody, eventFormField, eventFormFromView, eventFormValues, updateEventBody } from './event-form';
import { EventNotice, renderEventSettingsPage } from './event-pages';
import { validForm } from './form-check';
import { Notice } from '../common/notice';

const NOTICES: EventNotice[] = ['created', 'saved', 'published', 'archived'];

/** Creating an event from the events list, its settings, publishing and archiving it (`event:write`). */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/events')
export class EventPagesController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @Authenticated('event:write')
  async create(@OrganizationForm('/events') ctx: OrganizationFormContext, @Res() reply: FastifyReply) {
    const values = eventFormValues(ctx.fields);
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        const event = await this.events.create(ctx.organization.organizationId, await validForm(CreateEventDto, createEventBody(values)));
        return `${eventPath({ ...ctx, event })}?done=created`;
      },
      async (problem) => renderEventsPage(ctx, await this.events.listForOrganization(ctx.organization.organizationId), { values, problem }),
      eventFormField,
    );
  }

  @Get(':slug')
  @Authenticated('organization:read')
  settings(@OrganizerEvent() ctx: OrganizerEventContext, @Notice(NOTICES) notice: EventNotice | undefined, @Res() reply: FastifyReply) {
    sendAdminHtml(reply, renderEventSettingsPage(ctx, { values: eventFormFromView(ctx.event), notice }), ctx.locale);
  }

  @Post(':slug')
  @Authenticated('event:write')
  async update(@EventForm() ctx: EventFormContext, @Res() reply: FastifyReply) {
    const values = eventFormValues(ctx.fields);
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        await this.events.update(ctx.event.organizationId, ctx.event.slug, await validForm(UpdateEventDto, updateEventBody(values)));
        return `${eventPath(ctx)}?done=saved`;
      },
      (problem) => renderEventSettingsPage(ctx, { values, problem }),
      eventFormField,
    );
  }

  @Post(':slug/publish')
  @Authenticated('event:write')
  async publish(@OrganizerEvent() ctx: OrganizerEventContext, @Res() reply: FastifyReply) {
    await this.events.publish(ctx.event.organizationId, ctx.event.slug);
    seeOther(reply, `${eventPath(ctx)}?done=published`);
  }

  @Post(':slug/archive')
  @Authenticated('event:write')
  async archive(@OrganizerEvent() ctx: OrganizerEventContext, @Res() reply: FastifyReply) {
    await this.events.archive(ctx.event.organizationId, ctx.event.slug);
    seeOther(reply, `${eventPath(ctx)}?done=archived`);
  }
}
