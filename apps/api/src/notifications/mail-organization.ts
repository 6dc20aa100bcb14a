import { Actor, PlatformError, requirePermission } from '@palabre/platform';

/** The caller's organization by its slug, if they may manage its mail (404 when not a member, 403 when the role may not). */
export function mailOrganization(actor: Actor, orgSlug: string): string {
  const membership = actor.memberships.find((m) => m.organizationSlug === orgSlug);
  if (!membership) throw new PlatformError('NOT_FOUND');
  requirePermission(actor, membership.organizationId, 'mail:manage');
  return membership.organizationId;
}
