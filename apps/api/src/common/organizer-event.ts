import { createParamDecorator, ExecutionContext, Injectable, PipeTransform } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, ActorMembership, AUTH_METADATA, AuthRequirement, Locale, ORGANIZATION_PARAM, Permission, requireOrganization } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { pageContext } from '../home/page-context';

/** The route parameter that names the event. */
export const EVENT_PARAM = 'slug';

/**
 * What every organizer route about one event works with: who calls, in which organization,
 * which event, in which language, and the form token. Built once per request by
 * `@OrganizerEvent()`, after the route's own `@Authenticated(permission)`.
 */
export interface OrganizerEventContext {
  actor: Actor;
  organization: ActorMembership;
  event: EventView;
  locale: Locale;
  /** The session's synchronizer token, for a page's forms (empty for a bearer token). */
  csrf: string;
  /** The page's GET path (with its query), for the language switch. */
  path: string;
}

interface Unresolved {
  req: FastifyRequest & { actor?: Actor };
  reply: FastifyReply;
  permission: Permission;
  /** After a POST, the GET path of the page (relative to the event's), for the language switch. */
  page?: string;
}

/**
 * Resolves the event with the permission the route already declared: 404 when the caller is
 * not a member of its organization (or it has no such event), 403 when their role lacks the
 * permission. The permission is read from `@Authenticated`, never restated by the handler.
 */
@Injectable()
export class OrganizerEventPipe implements PipeTransform<Unresolved, Promise<OrganizerEventContext>> {
  constructor(private readonly events: EventsService) {}

  async transform({ req, reply, permission, page }: Unresolved): Promise<OrganizerEventContext> {
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
    const { locale, path } = pageContext(req, reply);
    return {
      actor,
      organization,
      event,
      locale,
      csrf: actor.csrfToken ?? '',
      path: page === undefined ? path : `/admin/o/${organization.organizationSlug}/events/${event.slug}${page}`,
    };
  }
}

const unresolved = createParamDecorator((page: string | undefined, ctx: ExecutionContext): Unresolved => {
  const requirement = Reflect.getMetadata(AUTH_METADATA, ctx.getHandler()) as AuthRequirement | undefined;
  if (!requirement?.permission) {
    // A programming error, caught by the first test that calls the route.
    throw new Error(`@OrganizerEvent() on ${ctx.getClass().name}.${ctx.getHandler().name} needs @Authenticated(permission) on the route`);
  }
  const http = ctx.switchToHttp();
  return { req: http.getRequest(), reply: http.getResponse(), permission: requirement.permission, page };
});

/**
 * The event of an organizer route (`/api/v1/events/:slug/…` or `/admin/o/:orgSlug/events/:slug/…`),
 * checked against the route's declared permission. On a page that a POST renders again, give
 * its GET path relative to the event's (`@OrganizerEvent('/rooms')`) for the language switch.
 */
export const OrganizerEvent = (page?: string): ParameterDecorator => unresolved(page, OrganizerEventPipe);
