import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Authenticated, CurrentActor, ProblemDocument } from '@palabre/platform';
import { CreateRoomDto, CreateTrackDto, EventsService, RoomsService, UpdateRoomDto, UpdateTrackDto } from '@palabre/events';
import { SessionsService } from '@palabre/program';
import { formProblem, seeOther, sendAdminHtml, validationProblem } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { UuidParam } from '../common/uuid.pipe';
import { eventPath, EventPageContext } from './event-layout';
import { checkedForm } from './form-check';
import { eventPageContext, field, FormBody, localized, wholeNumber, withFormFields } from './form-values';
import { ItemForm, ItemsNotice, renderRoomsPage, renderTracksPage } from './rooms-pages';
import { FormFields } from '../common/form-fields';

const NOTICES: ItemsNotice[] = ['added', 'saved', 'deleted'];

const roomValues = (body: FormBody) => ({ name: field(body, 'name'), capacity: field(body, 'capacity') });
const trackValues = (body: FormBody) => ({ nameFr: field(body, 'nameFr'), nameEn: field(body, 'nameEn'), colour: field(body, 'colour') });
/** A track's `name` is `{ fr, en }`: its errors go to the French input. */
const trackField = (f: string) => (f === 'name' || f.startsWith('name.') ? 'nameFr' : f);

type Route = { actor: Actor; orgSlug: string; slug: string; req: FastifyRequest; reply: FastifyReply };

/** The rooms and tracks of an event: list, add, edit in place, delete (`program:write`; reading for every member). */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/events/:slug')
export class RoomsPagesController {
  constructor(
    private readonly events: EventsService,
    private readonly rooms: RoomsService,
    private readonly sessions: SessionsService,
  ) {}

  @Get('rooms')
  @Authenticated('organization:read')
  async roomsPage(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @Query('done') done: string | undefined, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = await eventPageContext(this.events, req, reply, actor, orgSlug, slug, 'organization:read');
    await this.renderRooms(ctx, reply, { notice: NOTICES.find((n) => n === done) });
  }

  @Post('rooms')
  @Authenticated('program:write')
  async addRoom(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const values = roomValues(body);
    await this.roomWrite({ actor, orgSlug, slug, req, reply }, 'new', values, 'added', async (ctx) => {
      const form = await checkedForm(CreateRoomDto, { body: { name: values.name, capacity: wholeNumber(values.capacity, undefined) }, errors: [] });
      if (!form.ok) return validationProblem(form.errors, ctx.locale);
      await this.rooms.createRoom(ctx.event.organizationId, ctx.event.id, form.value);
    });
  }

  @Post('rooms/:id')
  @Authenticated('program:write')
  async editRoom(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @UuidParam('id') id: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const values = roomValues(body);
    await this.roomWrite({ actor, orgSlug, slug, req, reply }, id, values, 'saved', async (ctx) => {
      const form = await checkedForm(UpdateRoomDto, { body: { name: values.name, capacity: wholeNumber(values.capacity, null) }, errors: [] });
      if (!form.ok) return validationProblem(form.errors, ctx.locale);
      await this.rooms.updateRoom(ctx.event.organizationId, ctx.event.id, id, form.value);
    });
  }

  @Post('rooms/:id/delete')
  @Authenticated('program:write')
  async deleteRoom(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @UuidParam('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.roomWrite({ actor, orgSlug, slug, req, reply }, id, undefined, 'deleted', async (ctx) => {
      await this.sessions.deleteRoom(ctx.event, id);
    });
  }

  @Get('tracks')
  @Authenticated('organization:read')
  async tracksPage(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @Query('done') done: string | undefined, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = await eventPageContext(this.events, req, reply, actor, orgSlug, slug, 'organization:read');
    await this.renderTracks(ctx, reply, { notice: NOTICES.find((n) => n === done) });
  }

  @Post('tracks')
  @Authenticated('program:write')
  async addTrack(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const values = trackValues(body);
    await this.trackWrite({ actor, orgSlug, slug, req, reply }, 'new', values, 'added', async (ctx) => {
      const form = await checkedForm(CreateTrackDto, { body: { name: localized(values.nameFr, values.nameEn), colour: values.colour.trim() }, errors: [] });
      if (!form.ok) return validationProblem(form.errors, ctx.locale);
      await this.rooms.createTrack(ctx.event.organizationId, ctx.event.id, form.value);
    });
  }

  @Post('tracks/:id')
  @Authenticated('program:write')
  async editTrack(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @UuidParam('id') id: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const values = trackValues(body);
    await this.trackWrite({ actor, orgSlug, slug, req, reply }, id, values, 'saved', async (ctx) => {
      const form = await checkedForm(UpdateTrackDto, { body: { name: localized(values.nameFr, values.nameEn), colour: values.colour.trim() }, errors: [] });
      if (!form.ok) return validationProblem(form.errors, ctx.locale);
      await this.rooms.updateTrack(ctx.event.organizationId, ctx.event.id, id, form.value);
    });
  }

  @Post('tracks/:id/delete')
  @Authenticated('program:write')
  async deleteTrack(@CurrentActor() actor: Actor, @Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @UuidParam('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.trackWrite({ actor, orgSlug, slug, req, reply }, id, undefined, 'deleted', async (ctx) => {
      await this.sessions.deleteTrack(ctx.event, id);
    });
  }

  /**
   * One write of the rooms page: `work` answers a validation problem or does the change;
   * then 303 back to the page, or the page again with the refused form (or row) and its problem.
   */
  private async roomWrite(r: Route, target: string, values: Record<string, string> | undefined, done: ItemsNotice, work: (ctx: EventPageContext) => Promise<ProblemDocument | void>) {
    const ctx = await eventPageContext(this.events, r.req, r.reply, r.actor, r.orgSlug, r.slug, 'program:write', '/rooms');
    const problem = await this.attempt(ctx, work);
    if (!problem) return seeOther(r.reply, `${eventPath(ctx, '/rooms')}?done=${done}`);
    const form: ItemForm = { target, values: values ?? (await this.storedRoom(ctx, target)), problem };
    await this.renderRooms(ctx, r.reply, { form }, problem.status);
  }

  private async trackWrite(r: Route, target: string, values: Record<string, string> | undefined, done: ItemsNotice, work: (ctx: EventPageContext) => Promise<ProblemDocument | void>) {
    const ctx = await eventPageContext(this.events, r.req, r.reply, r.actor, r.orgSlug, r.slug, 'program:write', '/tracks');
    const found = await this.attempt(ctx, work);
    if (!found) return seeOther(r.reply, `${eventPath(ctx, '/tracks')}?done=${done}`);
    const problem = withFormFields(found, trackField);
    const form: ItemForm = { target, values: values ?? (await this.storedTrack(ctx, target)), problem };
    await this.renderTracks(ctx, r.reply, { form }, problem.status);
  }

  private async attempt(ctx: EventPageContext, work: (ctx: EventPageContext) => Promise<ProblemDocument | void>): Promise<ProblemDocument | undefined> {
    try {
      return (await work(ctx)) ?? undefined;
    } catch (error) {
      return formProblem(error, ctx.locale);
    }
  }

  private async storedRoom(ctx: EventPageContext, id: string): Promise<Record<string, string>> {
    const room = (await this.rooms.listRooms(ctx.event.organizationId, ctx.event.id)).find((x) => x.id === id);
    return { name: room?.name ?? '', capacity: room?.capacity == null ? '' : String(room.capacity) };
  }

  private async storedTrack(ctx: EventPageContext, id: string): Promise<Record<string, string>> {
    const track = (await this.rooms.listTracks(ctx.event.organizationId, ctx.event.id)).find((x) => x.id === id);
    return { nameFr: track?.name.fr ?? '', nameEn: track?.name.en ?? '', colour: track?.colour ?? '' };
  }

  private async renderRooms(ctx: EventPageContext, reply: FastifyReply, props: { notice?: ItemsNotice; form?: ItemForm }, status = 200) {
    const rooms = await this.rooms.listRooms(ctx.event.organizationId, ctx.event.id);
    sendAdminHtml(reply, renderRoomsPage(ctx, { rooms, ...props }), ctx.locale, status);
  }

  private async renderTracks(ctx: EventPageContext, reply: FastifyReply, props: { notice?: ItemsNotice; form?: ItemForm }, status = 200) {
    const tracks = await this.rooms.listTracks(ctx.event.organizationId, ctx.event.id);
    sendAdminHtml(reply, renderTracksPage(ctx, { tracks, ...props }), ctx.locale, status);
  }
}
