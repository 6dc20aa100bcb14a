import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Actor,
  ActorMembership,
  AUTH_METADATA,
  AuthRequirement,
  Locale,
  ORGANIZATION_PARAM,
  Permission,
  requireOrganization,
  resolveLocale,
  Role,
} from '@palabre/platform';
import { pageContext } from '../home/page-context';
import { PostedFields, postedFields } from './form-fields';

/**
 * What every organizer route about one organization works with: who calls, in which
 * organization (with their role there), in which language, and the form token. Built once per
 * request by `@OrganizerOrganization()`, after the route's own `@Authenticated(permission)`.
 */
export interface OrganizerContext {
  actor: Actor;
  organization: ActorMembership;
  locale: Locale;
  /** The session's synchronizer token, for a page's forms (empty for a bearer token). */
  csrf: string;
  /** The page's GET path (with its query), for the language switch. */
  path: string;
}

/** What a page form about one organization works with: its organizer context and the fields posted (`@OrganizationForm()`). */
export interface OrganizationFormContext<F = PostedFields> extends OrganizerContext {
  fields: F;
}

/** Who acts, with their role in the organization: how services and the audit trail name them. */
export function actingMember({ actor, organization }: OrganizerContext): { userId: string; name: string; role: Role } {
  return { userId: actor.userId, name: actor.name, role: organization.role };
}

/** The route parameter a decorator reads stays in the OpenAPI document, as `@Param(name)` had it. */
export const documentedParam =
  (name: string) =>
  (target: object, key: string | symbol | undefined): void => {
    if (key !== undefined) ApiParam({ name, type: String, required: true })(target, key, Object.getOwnPropertyDescriptor(target, key)!);
  };

export type OrganizerRequest = FastifyRequest & { actor?: Actor };

/** The permission the route declared with `@Authenticated(permission)`: the one the decorators check. */
export function declaredPermission(ctx: ExecutionContext, decorator: string): Permission {
  const read = (target: object) => Reflect.getMetadata(AUTH_METADATA, target) as AuthRequirement | undefined;
  const permission = (read(ctx.getHandler()) ?? read(ctx.getClass()))?.permission;
  // A programming error, caught by the first test that calls the route.
  if (!permission) throw new Error(`${decorator} on ${ctx.getClass().name}.${ctx.getHandler().name} needs @Authenticated(permission) on the route`);
  return permission;
}

/** `/admin/o/{org}`: the back-office pages of an organization. */
export const organizationPath = (organization: ActorMembership) => `/admin/o/${organization.organizationSlug}`;

/**
 * The context of the request in `organization`. `page` is the GET path, below `base`, of a page
 * that a POST renders again (`:name` stands for that route parameter), for the language switch;
 * otherwise the request's own path serves. A back-office page remembers a `?lang=` choice, as
 * every page does; the JSON API answers in the language asked and sets no cookie.
 */
export function organizerContext(
  req: OrganizerRequest,
  reply: FastifyReply,
  organization: ActorMembership,
  page?: string,
  base = organizationPath(organization),
): OrganizerContext {
  const actor = req.actor!;
  const { locale, path } = req.url.startsWith('/admin/') ? pageContext(req, reply) : { locale: resolveLocale(req), path: req.url };
  const params = req.params as Record<string, string>;
  return {
    actor,
    organization,
    locale,
    csrf: actor.csrfToken ?? '',
    path: page === undefined ? path : base + page.replace(/:(\w+)/g, (_, name: string) => params[name] ?? ''),
  };
}

function organizationOf(ctx: ExecutionContext, page: string | undefined, decorator: string): OrganizerContext {
  const permission = declaredPermission(ctx, decorator);
  const http = ctx.switchToHttp();
  const req = http.getRequest<OrganizerRequest>();
  const organization = requireOrganization(req.actor!, (req.params as Record<string, string>)[ORGANIZATION_PARAM], permission);
  return organizerContext(req, http.getResponse<FastifyReply>(), organization, page);
}

/**
 * The organization of an organizer route (`/admin/o/:orgSlug/…`, `/api/v1/organizations/:orgSlug/…`):
 * the caller's membership, checked against the route's declared permission (404 outside it,
 * 403 without the permission). On a page that a POST renders again, give the page's GET path
 * below the organization's (`@OrganizerOrganization('/members')`) for the language switch.
 */
export const OrganizerOrganization = createParamDecorator(
  (page: string | undefined, ctx: ExecutionContext): OrganizerContext => organizationOf(ctx, page, '@OrganizerOrganization()'),
  [documentedParam(ORGANIZATION_PARAM)],
);

/** A page form's context: `@OrganizerOrganization(page)` and the fields posted in one parameter (the reply stays `@Res()`). */
export const OrganizationForm = createParamDecorator((page: string | undefined, ctx: ExecutionContext): OrganizationFormContext => ({
  ...organizationOf(ctx, page, '@OrganizationForm()'),
  fields: postedFields(ctx.switchToHttp().getRequest()),
}));
