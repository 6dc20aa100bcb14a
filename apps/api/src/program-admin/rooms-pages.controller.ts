import { Controller, Get, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, ProblemDocument } from '@palabre/platform';
import { CreateRoomDto, CreateTrackDto, RoomsService, UpdateRoomDto, UpdateTrackDto } from '@palabre/events';
import { SessionsService } from '@palabre/program';
import { formProblem, seeOther, sendAdminHtml } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { UuidParam } from '../common/uuid.pipe';
import { eventPath, OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { validForm } from './form-check';
import { field, FormBody, localized, wholeNumber, withFormFields } from './form-values';
import { ItemForm, ItemsNotice, renderRoomsPage, renderTracksPage } from './rooms-pages';
import { FormFields } from '../common/form-fields';

const NOTICES: ItemsNotice[] = ['added', 'saved', 'deleted'];

const roomValues = (body: FormBody) => ({ name: field(body, 'name'), capacity: field(body, 'capacity') });
const roomBody = (v: Record<string, string>, noCapacity: null | undefined) => ({ body: { name: v.name, capacity: wholeNumber(v.capacity, noCapacity) } });
const trackValues = (body: FormBody) => ({ nameFr: field(body, 'nameFr'), nameEn: field(body, 'nameEn'), colour: field(body, 'colour') });
const trackBody = (v: Record<string, string>) => ({ body: { name: localized(v.nameFr, v.nameEn), colour: v.colour.trim() } });
/** A track's `name` is `{ fr, en }`: its errors go to the French input. */
const trackField = (f: string) => (f === 'name' || f.startsWith('name.') ? 'nameFr' : f);

/** The rooms and tracks of an event: list, add, edit in place, delete (`program:write`; reading for every member). */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/events/:slug')
export class RoomsPagesController {
  constructor(
    private readonly rooms: RoomsService,
    private readonly sessions: SessionsService,
  ) {}

  @Get('rooms')
  @Authenticated('organization:read')
  async roomsPage(@OrganizerEvent() ctx: OrganizerEventContext, @Query('done') done: string | undefined, @Res() reply: FastifyReply) {
    await this.renderRooms(ctx, reply, { notice: NOTICES.find((n) => n === done) });
  }

  @Post('rooms')
  @Authenticated('program:write')
  async addRoom(@OrganizerEvent('/rooms') ctx: OrganizerEventContext, @FormFields() body: FormBody, @Res() reply: FastifyReply) {
    const values = roomValues(body);
    await this.roomWrite(ctx, reply, 'new', values, 'added', async ({ event }) =>
      this.rooms.createRoom(event.organizationId, event.id, await validForm(CreateRoomDto, roomBody(values, undefined))),
    );
  }

  @Post('rooms/:id')
  @Authenticated('program:write')
  async editRoom(@OrganizerEvent('/rooms') ctx: OrganizerEventContext, @UuidParam('id') id: string, @FormFields() body: FormBody, @Res() reply: FastifyReply) {
    const values = roomValues(body);
    await this.roomWrite(ctx, reply, id, values, 'saved', async ({ event }) =>
      this.rooms.updateRoom(event.organizationId, event.id, id, await validForm(UpdateRoomDto, roomBody(values, null))),
    );
  }

  @Post('rooms/:id/delete')
  @Authenticated('program:write')
  async deleteRoom(@OrganizerEvent('/rooms') ctx: OrganizerEventContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    await this.roomWrite(ctx, reply, id, undefined, 'deleted', ({ event }) => this.sessions.deleteRoom(event, id));
  }

  @Get('tracks')
  @Authenticated('organization:read')
  async tracksPage(@OrganizerEvent() ctx: OrganizerEventContext, @Query('done') done: string | undefined, @Res() reply: FastifyReply) {
    await this.renderTracks(ctx, reply, { notice: NOTICES.find((n) => n === done) });
  }

  @Post('tracks')
  @Authenticated('program:write')
  async addTrack(@OrganizerEvent('/tracks') ctx: OrganizerEventContext, @FormFields() body: FormBody, @Res() reply: FastifyReply) {
    const values = trackValues(body);
    await this.trackWrite(ctx, reply, 'new', values, 'added', async ({ event }) =>
      this.rooms.createTrack(event.organizationId, event.id, await validForm(CreateTrackDto, trackBody(values))),
    );
  }

  @Post('tracks/:id')
  @Authenticated('program:write')
  async editTrack(
    @OrganizerEvent('/tracks') ctx: OrganizerEventContext,
    @UuidParam('id') id: string,
    @FormFields() body: FormBody,
    @Res() reply: FastifyReply,
  ) {
    const values = trackValues(body);
    await this.trackWrite(ctx, reply, id, values, 'saved', async ({ event }) =>
      this.rooms.updateTrack(event.organizationId, event.id, id, await validForm(UpdateTrackDto, trackBody(values))),
    );
  }

  @Post('tracks/:id/delete')
  @Authenticated('program:write')
  async deleteTrack(@OrganizerEvent('/tracks') ctx: OrganizerEventContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    await this.trackWrite(ctx, reply, id, undefined, 'deleted', ({ event }) => this.sessions.deleteTrack(event, id));
  }

  /**
   * One write of the rooms page: `work` does the change (or refuses it); then 303 back to the
   * page, or the page again with the refused form (or row) and its problem.
   */
  private async roomWrite(
    ctx: OrganizerEventContext,
    reply: FastifyReply,
    target: string,
    values: Record<string, string> | undefined,
    done: ItemsNotice,
    work: Work,
  ) {
    const problem = await attempt(ctx, work);
    if (!problem) return seeOther(reply, `${eventPath(ctx, '/rooms')}?done=${done}`);
    const form: ItemForm = { target, values: values ?? (await this.storedRoom(ctx, target)), problem };
    await this.renderRooms(ctx, reply, { form }, problem.status);
  }

  private async trackWrite(
    ctx: OrganizerEventContext,
    reply: FastifyReply,
    target: string,
    values: Record<string, string> | undefined,
    done: ItemsNotice,
    work: Work,
  ) {
    const found = await attempt(ctx, work);
    if (!found) return seeOther(reply, `${eventPath(ctx, '/tracks')}?done=${done}`);
    const problem = withFormFields(found, trackField);
    const form: ItemForm = { target, values: values ?? (await this.storedTrack(ctx, target)), problem };
    await this.renderTracks(ctx, reply, { form }, problem.status);
  }

  private async storedRoom(ctx: OrganizerEventContext, id: string): Promise<Record<string, string>> {
    const room = (await this.rooms.listRooms(ctx.event.organizationId, ctx.event.id)).find((x) => x.id === id);
    return { name: room?.name ?? '', capacity: room?.capacity == null ? '' : String(room.capacity) };
  }

  private async storedTrack(ctx: OrganizerEventContext, id: string): Promise<Record<string, string>> {
    const track = (await this.rooms.listTracks(ctx.event.organizationId, ctx.event.id)).find((x) => x.id === id);
    return { nameFr: track?.name.fr ?? '', nameEn: track?.name.en ?? '', colour: track?.colour ?? '' };
  }

  private async renderRooms(ctx: OrganizerEventContext, reply: FastifyReply, props: { notice?: ItemsNotice; form?: ItemForm }, status = 200) {
    const rooms = await this.rooms.listRooms(ctx.event.organizationId, ctx.event.id);
    sendAdminHtml(reply, renderRoomsPage(ctx, { rooms, ...props }), ctx.locale, status);
  }

  private async renderTracks(ctx: OrganizerEventContext, reply: FastifyReply, props: { notice?: ItemsNotice; form?: ItemForm }, status = 200) {
    const tracks = await this.rooms.listTracks(ctx.event.organizationId, ctx.event.id);
    sendAdminHtml(reply, renderTracksPage(ctx, { tracks, ...props }), ctx.locale, status);
  }
}

type Work = (ctx: OrganizerEventContext) => Promise<unknown>;

/** The problem the page shows when `work` is refused, or nothing when it is done. */
async function attempt(ctx: OrganizerEventContext, work: Work): Promise<ProblemDocument | undefined> {
  try {
    await work(ctx);
    return undefined;
  } catch (error) {
    return formProblem(error, ctx.locale);
  }
}
