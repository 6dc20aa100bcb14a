import { Controller, Get, Post, Res, UseFilters } from '@nestjs/common';
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
import { Notice } from '../common/notice';

const NOTICES: ItemsNotice[] = ['added', 'saved', 'deleted'];

const roomValues = (body: FormBody) => ({ name: field(body, 'name'), capacity: field(body, 'capacity') });
const roomBody = (v: Record<string, string>, noCapacity: null | undefined) => ({ body: { name: v.name, capacity: wholeNumber(v.capacity, noCapacity) } });
const trackValues = (body: FormBody) => ({ nameFr: field(body, 'nameFr'), nameEn: field(body, 'nameEn'), colour: field(body, 'colour') });
const trackBody = (v: Record<string, string>) => ({ body: { name: localized(v.nameFr, v.nameEn), colour: v.colour.trim() } });
/** A track's `name` is `{ fr, en }`: its errors go to the French input. */
const trackField = (f: string) => (f === 'name' || f.startsWith('name.') ? 'nameFr' : f);

/** How the pages read, show and write one kind of item (rooms, tracks). */
interface Items<T> {
  list(ctx: OrganizerEventContext): Promise<T[]>;
  /** The form's values of a stored item (empty ones when it is gone). */
  values(item: T | undefined): Record<string, string>;
  /** The form's values as posted. */
  posted(fields: FormBody): Record<string, string>;
  create(ctx: OrganizerEventContext, values: Record<string, string>): Promise<unknown>;
  update(ctx: OrganizerEventContext, id: string, values: Record<string, string>): Promise<unknown>;
  remove(ctx: OrganizerEventContext, id: string): Promise<unknown>;
  render(ctx: OrganizerEventContext, props: ItemsPageProps<T>): string;
  /** Where a problem's field shows on the form. */
  problemField?: (field: string) => string;
}

/** What the pages of one kind of item are made with: the services their `Items` call. */
type ItemsOf<T> = (rooms: RoomsService, sessions: SessionsService) => Items<T>;

/**
 * The pages of one kind of item of an event, at `path` below it: list, add, edit in place, delete
 * (`program:write`; reading for every member). Rooms and tracks are each a controller that extends it.
 */
function itemsPages<T extends { id: string }>(path: string, itemsOf: ItemsOf<T>) {
  @ApiExcludeController()
  @UseFilters(AdminPageFilter)
  @Controller(`admin/o/:orgSlug/events/:slug${path}`)
  class ItemsPages {
    private readonly items: Items<T>;

    constructor(rooms: RoomsService, sessions: SessionsService) {
      this.items = itemsOf(rooms, sessions);
    }

    @Get()
    @Authenticated('organization:read')
    async page(@OrganizerEvent() ctx: OrganizerEventContext, @Notice(NOTICES) notice: ItemsNotice | undefined, @Res() reply: FastifyReply) {
      sendAdminHtml(reply, await this.html(ctx, { notice }), ctx.locale);
    }

    @Post()
    @Authenticated('program:write')
    async add(@EventForm() ctx: EventFormContext, @Res() reply: FastifyReply) {
      const values = this.items.posted(ctx.fields);
      await this.write(ctx, reply, 'new', values, 'added', () => this.items.create(ctx, values));
    }

    @Post(':id')
    @Authenticated('program:write')
    async edit(@EventForm() ctx: EventFormContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
      const values = this.items.posted(ctx.fields);
      await this.write(ctx, reply, id, values, 'saved', () => this.items.update(ctx, id, values));
    }

    @Post(':id/delete')
    @Authenticated('program:write')
    async delete(@OrganizerEvent() ctx: OrganizerEventContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
      await this.write(ctx, reply, id, undefined, 'deleted', () => this.items.remove(ctx, id));
    }

    /**
     * One write of the page: `work` does the change (or refuses it); then 303 back to the page, or
     * the page again (its language switch on the page's GET path) with the refused form (or row) and its problem.
     */
    private async write(
      posted: OrganizerEventContext,
      reply: FastifyReply,
      target: string,
      values: Record<string, string> | undefined,
      done: ItemsNotice,
      work: () => Promise<unknown>,
    ) {
      const ctx = { ...posted, path: eventPath(posted, path) };
      const stored = async () => this.items.values((await this.items.list(ctx)).find((x) => x.id === target));
      await submitForm(
        reply,
        ctx.locale,
        async () => {
          await work();
          return `${eventPath(ctx, path)}?done=${done}`;
        },
        async (problem) => this.html(ctx, { form: { target, values: values ?? (await stored()), problem } }),
        this.items.problemField,
      );
    }

    private async html(ctx: OrganizerEventContext, props: { notice?: ItemsNotice; form?: ItemForm }): Promise<string> {
      return this.items.render(ctx, { items: await this.items.list(ctx), ...props });
    }
  }
  return ItemsPages;
}

/** The rooms of an event. */
export class RoomsPagesController extends itemsPages<RoomView>('/rooms', (rooms, sessions) => ({
  list: ({ event }) => rooms.listRooms(event.organizationId, event.id),
  values: (room) => ({ name: room?.name ?? '', capacity: room?.capacity == null ? '' : String(room.capacity) }),
  posted: roomValues,
  create: async ({ event }, values) => rooms.createRoom(event.organizationId, event.id, await validForm(CreateRoomDto, roomBody(values, undefined))),
  update: async ({ event }, id, values) => rooms.updateRoom(event.organizationId, event.id, id, await validForm(UpdateRoomDto, roomBody(values, null))),
  remove: ({ event }, id) => sessions.deleteRoom(event, id),
  render: renderRoomsPage,
})) {}

/** The tracks of an event; a track's name is in French and English. */
export class TracksPagesController extends itemsPages<TrackView>('/tracks', (rooms, sessions) => ({
  list: ({ event }) => rooms.listTracks(event.organizationId, event.id),
  values: (track) => ({ nameFr: track?.name.fr ?? '', nameEn: track?.name.en ?? '', colour: track?.colour ?? '' }),
  posted: trackValues,
  create: async ({ event }, values) => rooms.createTrack(event.organizationId, event.id, await validForm(CreateTrackDto, trackBody(values))),
  update: async ({ event }, id, values) => rooms.updateTrack(event.organizationId, event.id, id, await validForm(UpdateTrackDto, trackBody(values))),
  remove: ({ event }, id) => sessions.deleteTrack(event, id),
  render: renderTracksPage,
  problemField: trackField,
})) {}
