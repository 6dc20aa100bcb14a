import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Authenticated, CurrentActor, ProblemDocument, requireOrganization } from '@palabre/platform';
import { CreateEventDto, EventsService, UpdateEventDto } from '@palabre/events';
import { adminContext, formProblem, seeOther, sendAdminHtml, validationProblem } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { renderEventsPage } from '../admin/organization-pages';
import { createEventBody, eventFormField, eventFormFromView, eventFormValues, updateEventBody } from './event-form';
import { EventPageContext } from './event-layout';
import { EventNotice, renderEventSettingsPage } from './event-pages';
import { eventPageContext, FormBody, withFormFields } from './form-values';
import { checkedForm } from './form-check';
import { FormFields } from '../common/form-fields';

const NOTICES: EventNotice[] = ['created', 'saved', 'published', 'archived'];

/** Creating an event from the events list, its settings, publishing and archiving it (`event:write`). */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/events')
export class EventPagesController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @Authenticated('event:write')
  async create(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const organization = requireOrganization(actor, orgSlug, 'event:write');
    const ctx = adminContext(req, reply, actor, organization, `/admin/o/${orgSlug}/events`);
    const values = eventFormValues(body);
    const refuse = async (problem: ProblemDocument) => {
      const list = await this.events.listForOrganization(organization.organizationId);
      sendAdminHtml(reply, renderEventsPage({ ...ctx, organization }, list, { values, problem: withFormFields(problem, eventFormField) }), ctx.locale, problem.status);
    };
    const form = await checkedForm(CreateEventDto, createEventBody(values));
    if (!form.ok) return refuse(validationProblem(form.errors, ctx.locale));
    try {
      const event = await this.events.create(organization.organizationId, form.value);
      seeOther(reply, `/admin/o/${orgSlug}/events/${event.slug}?done=created`);
    } catch (error) {
      await refuse(formProblem(error, ctx.locale));
    }
  }

  @Get(':slug')
  @Authenticated('organization:read')
  async settings(
    @CurrentActor() actor: Actor,
    @Param('orgSlug') orgSlug: string,
    @Param('slug') slug: string,
    @Query('done') done: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = await eventPageContext(this.events, req, reply, actor, orgSlug, slug, 'organization:read');
    sendAdminHtml(reply, renderEventSettingsPage(ctx, { values: eventFormFromView(ctx.event), notice: NOTICES.find((n) => n === done) }), ctx.locale);
  }

  @Post(':slug')
  @Authenticated('event:write')
  async update(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = await eventPageContext(this.events, req, reply, actor, orgSlug, slug, 'event:write', '');
    const values = eventFormValues(body);
    const refuse = (problem: ProblemDocument) =>
      sendAdminHtml(reply, renderEventSettingsPage(ctx, { values, problem: withFormFields(problem, eventFormField) }), ctx.locale, problem.status);
    const form = await checkedForm(UpdateEventDto, updateEventBody(values));
    if (!form.ok) return refuse(validationProblem(form.errors, ctx.locale));
    try {
      await this.events.update(ctx.event.organizationId, ctx.event.slug, form.value);
      seeOther(reply, `${settingsPath(ctx)}?done=saved`);
    } catch (error) {
      refuse(formProblem(error, ctx.locale));
    }
  }

  @Post(':slug/publish')
  @Authenticated('event:write')
  async publish(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = await eventPageContext(this.events, req, reply, actor, orgSlug, slug, 'event:write');
    await this.events.publish(ctx.event.organizationId, ctx.event.slug);
    seeOther(reply, `${settingsPath(ctx)}?done=published`);
  }

  @Post(':slug/archive')
  @Authenticated('event:write')
  async archive(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = await eventPageContext(this.events, req, reply, actor, orgSlug, slug, 'event:write');
    await this.events.archive(ctx.event.organizationId, ctx.event.slug);
    seeOther(reply, `${settingsPath(ctx)}?done=archived`);
  }
}

function settingsPath(ctx: EventPageContext): string {
  return `/admin/o/${ctx.organization.organizationSlug}/events/${ctx.event.slug}`;
}
