import { DomainError } from '../errors/domain-error';
import { Actor, can, Permission, requireOrganization, requirePermission, Role, ROLES } from './actor';

const actor = (role: Actor['memberships'][number]['role']): Actor => ({
  userId: 'u1',
  email: 'a@example.org',
  name: 'A',
  locale: 'fr',
  via: 'token',
  memberships: [{ organizationId: 'org-a', organizationSlug: 'a', organizationName: 'A', role }],
});

/** The code of the domain error `f` throws, or 'none'. */
const errorCode = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'none';
};

describe('permissions', () => {
  const MAY: Record<Role, Partial<Record<Permission, boolean>>> = {
    owner: { 'members:manage': true, 'members:roles': true },
    admin: { 'members:manage': true, 'members:roles': false, 'audit:read': true },
    program: { 'members:manage': false, 'program:write': true, 'audit:read': false },
    desk: { 'checkin:write': true, 'program:write': false },
    viewer: { 'registrations:read': true, 'registrations:write': false },
  };
  const rows = ROLES.flatMap((role) => Object.entries(MAY[role]).map(([permission, expected]) => [role, permission as Permission, expected] as const));
  it.each(rows)('%s may %s: %p', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it('answers NOT_FOUND outside the caller’s organization and FORBIDDEN for a role that may not', () => {
    expect(errorCode(() => requirePermission(actor('owner'), 'org-b', 'program:write'))).toBe('NOT_FOUND');
    expect(errorCode(() => requirePermission(actor('viewer'), 'org-a', 'program:write'))).toBe('FORBIDDEN');
    expect(requirePermission(actor('program'), 'org-a', 'program:write')).toBe('program');
  });

  it('finds the caller’s organization by its slug: NOT_FOUND for another one, FORBIDDEN for a role that may not', () => {
    expect(errorCode(() => requireOrganization(actor('owner'), 'b', 'organization:read'))).toBe('NOT_FOUND');
    expect(errorCode(() => requireOrganization(actor('viewer'), 'b', 'members:manage'))).toBe('NOT_FOUND');
    expect(errorCode(() => requireOrganization(actor('viewer'), 'a', 'members:manage'))).toBe('FORBIDDEN');
    expect(requireOrganization(actor('admin'), 'a', 'members:manage')).toMatchObject({ organizationId: 'org-a', role: 'admin' });
  });
});
