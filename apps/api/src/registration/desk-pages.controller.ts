import { Controller, Get, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, can, Clock, findAsset, FieldError, PlatformError, ProblemDocument } from '@palabre/platform';
import { PublishedProgramService } from '@palabre/program';
import { AddRegistrationDto, CheckInDto, CheckInsService } from '@palabre/registration';
import { formProblem, sendAdminHtml, validationProblem } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { EventForm, EventFormContext, OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { validForm } from '../program-admin/form-check';
import { field } from '../program-admin/form-values';
import { DESK_ICON, DESK_WORKER, DeskAnswer, DeskPageProps, Door, renderDeskPage, sessionDoors } from './desk-page';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const WALK_IN_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'organization'] as const;

/**
 * The desk page (`checkin:write`), made for a volunteer's phone: pick the entrance or a
 * session's door, then scan, type or search; each form answers the page with a large
 * coloured result, without JavaScript. desk.js adds the camera, the offline roster and the
 * queue of scans made offline. The web app manifest and the service worker are public
 * (browsers fetch the manifest without cookies): they name no data, only paths.
 */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/events/:slug')
export class DeskPagesController {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly program: PublishedProgramService,
    private readonly clock: Clock,
  ) {}

  @Get('accueil')
  @Authenticated('checkin:write')
  async page(@OrganizerEvent() ctx: OrganizerEventContext, @Query('door') door: unknown, @Query('q') q: unknown, @Res() reply: FastifyReply) {
    const doors = await this.doors(ctx);
    const query = typeof q === 'string' ? q.trim().slice(0, 100) : '';
    const found = query ? await this.checkIns.search(ctx.event, query) : undefined;
    await this.send(ctx, reply, doors, { door: pickDoor(doors, door) ?? doors[0], query: query || undefined, found });
  }

  @Post('accueil')
  @Authenticated('checkin:write')
  async scan(@EventForm('/accueil') ctx: EventFormContext, @Res() reply: FastifyReply) {
    const doors = await this.doors(ctx);
    const door = pickDoor(doors, ctx.fields.door);
    const code = field(ctx.fields, 'code').trim();
    const values = { code };
    if (!door) return this.refused(ctx, reply, doors, doors[0], 'scan', values, validationProblem([unknownDoor], ctx.locale));
    try {
      const dto = await validForm(CheckInDto, { body: { code, ...(door.value === 'entrance' ? {} : { sessionId: door.value }) } });
      const outcome = await this.checkIns.scan(ctx.event, { code: dto.code, sessionId: dto.sessionId ?? null }, ctx.actor.userId);
      const answer: DeskAnswer = { result: outcome.result, name: outcome.registration?.name ?? null, code: dto.code, checkedInAt: outcome.checkedInAt };
      await this.send(ctx, reply, doors, { door, answer });
    } catch (error) {
      await this.refused(ctx, reply, doors, door, 'scan', values, formProblem(error, ctx.locale));
    }
  }

  @Post('accueil/walk-in')
  @Authenticated('checkin:write')
  async walkIn(@EventForm('/accueil') ctx: EventFormContext, @Res() reply: FastifyReply) {
    const doors = await this.doors(ctx);
    const door = pickDoor(doors, ctx.fields.door);
    const values = Object.fromEntries(WALK_IN_FIELDS.map((f) => [f, field(ctx.fields, f).trim()]));
    if (!door) return this.refused(ctx, reply, doors, doors[0], 'walk-in', values, validationProblem([unknownDoor], ctx.locale));
    try {
      const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
      const dto = await validForm(AddRegistrationDto, { body: { ...given, locale: ctx.locale } });
      const walkIn = await this.checkIns.walkIn(ctx.event, dto, door.value === 'entrance' ? null : door.value, ctx.actor.userId);
      const answer: DeskAnswer = walkIn.checkIn
        ? { result: walkIn.checkIn.result, name: walkIn.registration.name, code: '', checkedInAt: walkIn.checkIn.checkedInAt }
        : { result: 'walk_in_waitlisted', name: walkIn.registration.name, code: '', checkedInAt: null };
      await this.send(ctx, reply, doors, { door, answer });
    } catch (error) {
      await this.refused(ctx, reply, doors, door, 'walk-in', values, formProblem(error, ctx.locale));
    }
  }

  /** The desk as an installable web app: its start page is the desk of this event. */
  @Get('accueil.webmanifest')
  manifest(@Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @Res() reply: FastifyReply) {
    const page = deskPath(orgSlug, slug);
    const manifest = {
      name: 'Palabre — accueil',
      short_name: 'Accueil',
      lang: 'fr',
      start_url: page,
      scope: page,
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0b6e4f',
      icons: [{ src: DESK_ICON, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    };
    void reply.header('content-type', 'application/manifest+json; charset=utf-8').header('cache-control', 'no-cache').send(JSON.stringify(manifest));
  }

  /**
   * The service worker, served beside the page so that its scope may be the page: it keeps the
   * page and its script for when the network is gone. The asset URLs it caches are in its query.
   */
  @Get('accueil-sw.js')
  worker(@Param('orgSlug') orgSlug: string, @Param('slug') slug: string, @Res() reply: FastifyReply) {
    deskPath(orgSlug, slug);
    const asset = findAsset(DESK_WORKER)!;
    void reply.header('content-type', asset.contentType).header('cache-control', 'no-cache').send(asset.body);
  }

  private async doors(ctx: OrganizerEventContext): Promise<Door[]> {
    return sessionDoors(await this.program.sessions(ctx.event.id), ctx.event.timeZone, ctx.locale);
  }

  private async refused(
    ctx: OrganizerEventContext,
    reply: FastifyReply,
    doors: Door[],
    door: Door,
    form: 'scan' | 'walk-in',
    values: Record<string, string>,
    problem: ProblemDocument,
  ) {
    await this.send(ctx, reply, doors, { door, form, values, problem }, problem.status);
  }

  private async send(ctx: OrganizerEventContext, reply: FastifyReply, doors: Door[], props: Omit<DeskPageProps, 'doors' | 'now' | 'checkedIn'>, status = 200) {
    const conflicts = can(ctx.organization.role, 'registrations:write') ? await this.checkIns.conflicts(ctx.event) : undefined;
    const checkedIn = await this.checkIns.checkedIn(ctx.event, props.door.value === 'entrance' ? null : props.door.value);
    sendAdminHtml(reply, renderDeskPage(ctx, { ...props, doors, conflicts, checkedIn, now: this.clock.now() }), ctx.locale, status);
  }
}

const unknownDoor: FieldError = { field: 'door', message: { fr: "Cette porte n'existe pas : choisissez-en une.", en: 'No such door: choose one.' } };

function pickDoor(doors: Door[], value: unknown): Door | undefined {
  if (value === undefined || value === '') return doors[0];
  return doors.find((d) => d.value === value);
}

function deskPath(orgSlug: string, slug: string): string {
  if (!SLUG.test(orgSlug) || !SLUG.test(slug)) throw new PlatformError('NOT_FOUND');
  return `/admin/o/${orgSlug}/events/${slug}/accueil`;
}
