import { createParamDecorator, ExecutionContext, Injectable, PipeTransform } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ActorMembership, ORGANIZATION_PARAM, Permission, requireOrganization } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { declaredPermission, documentedParam, organizationPath, organizerContext, OrganizerContext, OrganizerRequest } from './organizer-organization';
import { PostedFields, postedFields } from './form-fields';

/** The route parameter that names the event. */
export const EVENT_PARAM = 'slug';

/**
 * What every organizer route about one event works with: the organizer context and the event.
 * Built once per request by `@OrganizerEvent()`, after the route's own `@Authenticated(permission)`.
 */
export interface OrganizerEventContext extends OrganizerContext {
  event: EventView;
}

/** What a page form about one event works with: its organizer context and the fields posted (`@EventForm()`). */
export interface EventFormContext<F = PostedFields> extends OrganizerEventContext {
  fields: F;
}

/** `/admin/o/{org}/events/{slug}` and the pages below it. */
export function eventPath(ctx: { organization: ActorMembership; event: { slug: string } }, rest = ''): string {
  return `${organizationPath(ctx.organization)}/events/${ctx.event.slug}${rest}`;
}

/** What a route's context decorator reads from the request before its pipe resolves it (with services). */
export interface Unresolved {
  req: OrganizerRequest;
  reply: FastifyReply;
  permission: Permission;
  /** After a POST, the GET path of the page (relative to the event's), for the language switch. */
  page?: string;
  /** The form's fields, for a page form's context (`@EventForm()`). */
  fields?: PostedFields;
}

/**
 * Resolves the event with the permission the route already declared: 404 when the caller is
 * not a member of its organization (or it has no such event), 403 when their role lacks the
 * permission. The permission is read from `@Authenticated`, never restated by the handler.
 * Nest registers a pipe named in a parameter decorator with the controller's module, so it
 * needs no provider entry: only `EventsService`, which `EventsModule` exports.
 */
@Injectable()
export class OrganizerEventPipe implements PipeTransform<Unresolved, Promise<OrganizerEventContext>> {
  constructor(private readonly events: EventsService) {}

  async transform({ req, reply, permission, page, fields }: Unresolved): Promise<OrganizerEventContext> {
    const actor = req.actor!;
    const params = req.params as Record<string, string>;
    const orgSlug = params[ORGANIZATION_PARAM];
    let organization: ActorMembership;
    let event: EventView;
    if (orgSlug !== undefined) {
      organization = requireOrganization(actor, orgSlug, permission);
      event = await this.events.getForOrganization(organization.organizationId, params[EVENT_PARAM]);
    } else {
      event = await this.events.forOrganizer(actor, params[EVENT_PARAM], permission);
      organization = actor.memberships.find((m) => m.organizationId === event.organizationId)!;
    }
    return { ...organizerContext(req, reply, organization, page, eventPath({ organization, event })), event, ...(fields && { fields }) };
  }
}

function unresolvedOf(ctx: ExecutionContext, page: string | undefined, decorator: string): Unresolved {
  const http = ctx.switchToHttp();
  return { req: http.getRequest(), reply: http.getResponse(), permission: declaredPermission(ctx, decorator), page };
}

const unresolved = createParamDecorator(
  (page: string | undefined, ctx: ExecutionContext): Unresolved => unresolvedOf(ctx, page, '@OrganizerEvent()'),
  [documentedParam(EVENT_PARAM)],
);

const unresolvedForm = createParamDecorator((page: string | undefined, ctx: ExecutionContext): Unresolved => {
  const found = unresolvedOf(ctx, page, '@EventForm()');
  return { ...found, fields: postedFields(found.req) };
});

/**
 * The event of an organizer route (`/api/v1/events/:slug/…` or `/admin/o/:orgSlug/events/:slug/…`),
 * checked against the route's declared permission. On a page that a POST renders again, give
 * its GET path relative to the event's (`@OrganizerEvent('/speakers/:id')`) for the language switch.
 */
export const OrganizerEvent = (page?: string): ParameterDecorator => unresolved(page, OrganizerEventPipe);

/**
 * A page form's context: `@OrganizerEvent(page)` and the fields posted (`@FormFields()`) in one
 * parameter, `EventFormContext`. The reply stays `@Res()`, which tells Nest the handler answers.
 */
export const EventForm = (page?: string): ParameterDecorator => unresolvedForm(page, OrganizerEventPipe);
