import { randomBytes } from 'node:crypto';
import { Role } from '@palabre/platform';
import { CreateOrganizer } from '@palabre/identity';
import { TestApp } from './test-app';

export interface TestOrganizer {
  email: string;
  password: string;
  organizationSlug: string;
  organizationId: string;
  token: string;
  /** Headers with the bearer token (and JSON content type). */
  headers: Record<string, string>;
}

/**
 * An organizer with a role in an organization (created if new), signed in through the real
 * `POST /api/v1/auth/token`. Each call may use a fresh organization: tests isolate by tenant.
 */
export async function anOrganizer(t: TestApp, options: { organization?: string; role?: Role; email?: string } = {}): Promise<TestOrganizer> {
  const suffix = randomBytes(4).toString('hex');
  const email = options.email ?? `orga-${suffix}@example.org`;
  const password = `mot-de-passe-solide-${suffix}`;
  const { organization } = await t.app.get(CreateOrganizer).execute({
    email,
    password,
    organization: options.organization ?? `ONG Test ${suffix}`,
    role: options.role ?? 'owner',
  });
  const res = await t.fetch('/api/v1/auth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  return {
    email,
    password,
    organizationSlug: organization.slug,
    organizationId: organization.id,
    token: accessToken,
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
  };
}
