import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { PlatformError } from '../errors/platform-errors';

export const ROLES = ['owner', 'admin', 'program', 'desk', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** What a member may do. Routes declare one; services check it against the organization. */
export const PERMISSIONS = {
  'organization:read': ['owner', 'admin', 'program', 'desk', 'viewer'],
  /** See the members, invite (owners alone may invite an owner), revoke invitations. */
  'members:manage': ['owner', 'admin'],
  /** Change a member's role, remove a member: owners only. */
  'members:roles': ['owner'],
  'audit:read': ['owner', 'admin'],
  'event:write': ['owner', 'admin'],
  'program:write': ['owner', 'admin', 'program'],
  'speakers:write': ['owner', 'admin', 'program'],
  'registrations:read': ['owner', 'admin', 'desk', 'viewer'],
  /** Cancel, resend a participant's link, anonymize after the event. */
  'registrations:write': ['owner', 'admin'],
  /** Add someone by hand at the desk. */
  'registrations:add': ['owner', 'admin', 'desk'],
  'checkin:write': ['owner', 'admin', 'desk'],
  'stats:read': ['owner', 'admin', 'program', 'desk', 'viewer'],
  'mail:manage': ['owner', 'admin'],
  /** The lead organizer: invite partners, set the forum's sectors and indicators, review partners' figures. */
  'partners:manage': ['owner', 'admin'],
  /**
   * In a partner organization, on an event it is a partner of (the partnership scopes the role
   * to that event): read the partner area, and write its profile, figures, opportunities and
   * session proposals. The contacts participants leave need `partner:write` too.
   */
  'partner:read': ['owner', 'admin', 'program', 'desk', 'viewer'],
  'partner:write': ['owner', 'admin', 'program'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export interface ActorMembership {
  organizationId: string;
  organizationSlug: string;
  organizationName: string;
  role: Role;
}

/** The signed-in person behind a request (a member, a speaker, or both). */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  locale: 'fr' | 'en';
  memberships: ActorMembership[];
  /** How the request proved who it is. */
  via: 'session' | 'token';
  sessionId?: string;
  /** For a session: the synchronizer token its back-office forms must carry (`_csrf`). */
  csrfToken?: string;
  /** Whether a speaker profile is linked to the account: set by the api for its pages (the switch between spaces), unset elsewhere. */
  speaker?: boolean;
}

/**
 * Tenant scope: the caller's role in that organization, or NOT_FOUND when they are not a
 * member (a route outside the caller's organization answers 404, not 403), or FORBIDDEN
 * when the role does not allow the action.
 */
export function requirePermission(actor: Actor, organizationId: string, permission: Permission): Role {
  const membership = actor.memberships.find((m) => m.organizationId === organizationId);
  if (!membership) throw new PlatformError('NOT_FOUND');
  if (!can(membership.role, permission)) throw new PlatformError('FORBIDDEN');
  return membership.role;
}

/**
 * The caller's membership in the organization named by its slug (the `{orgSlug}` of a route):
 * NOT_FOUND when they are not a member (another tenant's organization looks like no
 * organization), FORBIDDEN when their role does not allow the action.
 */
export function requireOrganization(actor: Actor, organizationSlug: string, permission: Permission): ActorMembership {
  const membership = actor.memberships.find((m) => m.organizationSlug === organizationSlug);
  if (!membership) throw new PlatformError('NOT_FOUND');
  requirePermission(actor, membership.organizationId, permission);
  return membership;
}

/** The route parameter that names the organization; the guard checks it against the route's permission. */
export const ORGANIZATION_PARAM = 'orgSlug';

export const AUTH_METADATA = 'palabre:auth';
export interface AuthRequirement {
  /** Any signed-in user (speakers included) when no permission is named. */
  permission?: Permission;
}

/** The route needs a signed-in caller; with a permission, the caller must hold it in some organization. */
export const Authenticated = (permission?: Permission) => SetMetadata(AUTH_METADATA, { permission } satisfies AuthRequirement);

export const OWN_CREDENTIALS_METADATA = 'palabre:own-credentials';

/**
 * The route checks a credential of its own (the metrics token): the identity guard neither
 * reads its Authorization header as an API token nor resolves an actor for it.
 */
export const OwnCredentials = () => SetMetadata(OWN_CREDENTIALS_METADATA, true);

/** The request's actor, set by the identity guard. Use only on @Authenticated routes. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!req.actor) throw new PlatformError('UNAUTHENTICATED');
  return req.actor;
});
