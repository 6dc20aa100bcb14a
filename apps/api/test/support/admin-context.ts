import type { Locale } from '@palabre/platform';

/** A signed-in owner's page context in organization `slug`. */
export function anOwnerContext(locale: Locale, slug: string, name: string, path = `/admin/o/${slug}/mail`) {
  const organization = { organizationId: 'org-1', organizationSlug: slug, organizationName: name, role: 'owner' as const };
  return {
    locale,
    path,
    csrf: 'csrf-token',
    organization,
    actor: { userId: 'u1', email: 'owner@example.org', name: 'Owner', locale, memberships: [organization], via: 'session' as const },
  };
}
