import { Controller, Get, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '@palabre/platform';
import { CreateRoomDto, CreateTrackDto, RoomsService, RoomView, TrackView, UpdateRoomDto, UpdateTrackDto } from '@palabre/events';
import { SessionsService } from '@palabre/program';
import { sendAdminHtml, submitForm } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { UuidParam } from '../common/uuid.pipe';
import { EventForm, EventFormContext, eventPath, OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { validForm } from './form-check';
import { field, FormBody, localized, wholeNumber } from './form-values';
import { ItemForm, ItemsNotice, ItemsPageProps, renderRoomsPage, renderTracksPage } from './rooms-pages';

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
    await this.page(this.roomsRoute, ctx, reply, { notice: NOTICES.find((n) => n === done) });
  }

  @Post('rooms')
  @Authenticated('program:write')
  async addRoom(@EventForm('/rooms') ctx: EventFormContext, @Res() reply: FastifyReply) {
    const values = roomValues(ctx.fields);
    await this.write(this.roomsRoute, ctx, reply, 'new', values, 'added', async ({ event }) =>
      this.rooms.createRoom(event.organizationId, event.id, await validForm(CreateRoomDto, roomBody(values, undefined))),
    );
  }

  @Post('rooms/:id')
  @Authenticated('program:write')
  async editRoom(@EventForm('/rooms') ctx: EventFormContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    const values = roomValues(ctx.fields);
    await this.write(this.roomsRoute, ctx, reply, id, values, 'saved', async ({ event }) =>
      this.rooms.updateRoom(event.organizationId, event.id, id, await validForm(UpdateRoomDto, roomBody(values, null))),
    );
  }

  @Post('rooms/:id/delete')
  @Authenticated('program:write')
  async deleteRoom(@OrganizerEvent('/rooms') ctx: OrganizerEventContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    await this.write(this.roomsRoute, ctx, reply, id, undefined, 'deleted', ({ event }) => this.sessions.deleteRoom(event, id));
  }

  @Get('tracks')
  @Authenticated('organization:read')
  async tracksPage(@OrganizerEvent() ctx: OrganizerEventContext, @Query('done') done: string | undefined, @Res() reply: FastifyReply) {
    await this.page(this.tracksRoute, ctx, reply, { notice: NOTICES.find((n) => n === done) });
  }

  @Post('tracks')
  @Authenticated('program:write')
  async addTrack(@EventForm('/tracks') ctx: EventFormContext, @Res() reply: FastifyReply) {
    const values = trackValues(ctx.fields);
    await this.write(this.tracksRoute, ctx, reply, 'new', values, 'added', async ({ event }) =>
      this.rooms.createTrack(event.organizationId, event.id, await validForm(CreateTrackDto, trackBody(values))),
    );
  }

  @Post('tracks/:id')
  @Authenticated('program:write')
  async editTrack(@EventForm('/tracks') ctx: EventFormContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    const values = trackValues(ctx.fields);
    await this.write(this.tracksRoute, ctx, reply, id, values, 'saved', async ({ event }) =>
      this.rooms.updateTrack(event.organizationId, event.id, id, await validForm(UpdateTrackDto, trackBody(values))),
    );
  }

  @Post('tracks/:id/delete')
  @Authenticated('program:write')
  async deleteTrack(@OrganizerEvent('/tracks') ctx: OrganizerEventContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    await this.write(this.tracksRoute, ctx, reply, id, undefined, 'deleted', ({ event }) => this.sessions.deleteTrack(event, id));
  }

  private readonly roomsRoute: ItemsRoute<RoomView> = {
    path: '/rooms',
    list: (ctx) => this.rooms.listRooms(ctx.event.organizationId, ctx.event.id),
    values: (room) => ({ name: room?.name ?? '', capacity: room?.capacity == null ? '' : String(room.capacity) }),
    render: renderRoomsPage,
  };

  private readonly tracksRoute: ItemsRoute<TrackView> = {
    path: '/tracks',
    list: (ctx) => this.rooms.listTracks(ctx.event.organizationId, ctx.event.id),
    values: (track) => ({ nameFr: track?.name.fr ?? '', nameEn: track?.name.en ?? '', colour: track?.colour ?? '' }),
    render: renderTracksPage,
    problemField: trackField,
  };

  /**
   * One write of a page of items: `work` does the change (or refuses it); then 303 back to the
   * page, or the page again with the refused form (or row) and its problem.
   */
  private async write<T extends { id: string }>(
    route: ItemsRoute<T>,
    ctx: OrganizerEventContext,
    reply: FastifyReply,
    target: string,
    values: Record<string, string> | undefined,
    done: ItemsNotice,
    work: Work,
  ) {
    const stored = async () => route.values((await route.list(ctx)).find((x) => x.id === target));
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        await work(ctx);
        return `${eventPath(ctx, route.path)}?done=${done}`;
      },
      async (problem) => this.html(route, ctx, { form: { target, values: values ?? (await stored()), problem } }),
      route.problemField,
    );
  }

  private async page<T>(route: ItemsRoute<T>, ctx: OrganizerEventContext, reply: FastifyReply, props: { notice?: ItemsNotice }) {
    sendAdminHtml(reply, await this.html(route, ctx, props), ctx.locale);
  }

  private async html<T>(route: ItemsRoute<T>, ctx: OrganizerEventContext, props: { notice?: ItemsNotice; form?: ItemForm }): Promise<string> {
    return route.render(ctx, { items: await route.list(ctx), ...props });
  }
}

/** How the controller reads and shows one kind of item (rooms, tracks). */
interface ItemsRoute<T> {
  path: string;
  list(ctx: OrganizerEventContext): Promise<T[]>;
  /** The form's values of a stored item (empty ones when it is gone). */
  values(item: T | undefined): Record<string, string>;
  render(ctx: OrganizerEventContext, props: ItemsPageProps<T>): string;
  /** Where a problem's field shows on the form. */
  problemField?: (field: string) => string;
}

type Work = (ctx: OrganizerEventContext) => Promise<unknown>;
