import { DataSource } from 'typeorm';
import { Permission, PERMISSIONS, Role, ROLES } from '@palabre/platform';
import { anOrganizer, TestOrganizer } from './organizers';
import { json, TestApp } from './test-app';
import { lastLink, signedIn, tokenOf, WebClient } from './web-client';
import { PROGRAM_ADMIN_ROUTES } from './program-admin-routes';
import { EVENT_API_ROUTES } from './event-api-routes';
import { REGISTRATION_ROUTES } from './registration-routes';
import { SPEAKER_ANSWER_ROUTES } from './speaker-answers-routes';
import { REPORTING_ROUTES } from './reporting-routes';
import { CHECK_IN_ROUTES } from './check-in-routes';
import { PARTNER_ROUTES } from './partner-routes';

/**
 * The table of organizer routes for the tenancy test (tenancy.e2e-spec.ts): every route that
 * reads or writes an organization's data, with the permission it needs. The test proves that
 * a member of another organization gets 404, a role without the permission 403, and a role
 * with it a success. Add your routes to ORGANIZER_ROUTES (one array per feature): the test
 * fails for a registered route that declares a permission and has no row here.
 */
export interface OrganizerRoute {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `api`: JSON with the bearer token. `page`: the back-office page with the session cookie (and form token for a POST). */
  kind: 'api' | 'page';
  permission: Permission;
  /** The path in organization A; `fixture` is what `prepare` returned for this call. */
  path: (world: TenancyWorld, fixture: Record<string, string>) => string;
  /** JSON body (api) or form fields (page). */
  body?: (world: TenancyWorld, fixture: Record<string, string>) => Record<string, unknown>;
  /** A page form that answers the page with its result (200) instead of redirecting (the desk's scan). */
  answers?: 'page';
  /** Makes what the call acts on (a member to remove…), fresh for every call, as A's owner. */
  prepare?: (world: TenancyWorld) => Promise<Record<string, string>>;
  /** A file sent instead of a JSON body (api: the bytes themselves) or with the form (page: multipart, the file under `field`). */
  upload?: { field: string; type: string; bytes: () => Promise<Uint8Array<ArrayBuffer>> };
}

/** Organization A with a member of every role, and organization B whose owner must see nothing of A. */
export interface TenancyWorld {
  t: TestApp;
  a: Record<Role, TestOrganizer>;
  outsider: TestOrganizer;
  browsers: Map<TestOrganizer, WebClient>;
  /** A's owner's call to the API, for fixtures. */
  asOwner(path: string, method?: string, body?: unknown): Promise<Response>;
}

export function allowedRoles(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

export async function buildTenancyWorld(t: TestApp): Promise<TenancyWorld> {
  const owner = await anOrganizer(t, { organization: `Organisation A ${Date.now()}` });
  const a = { owner } as Record<Role, TestOrganizer>;
  for (const role of ROLES.filter((r) => r !== 'owner')) a[role] = await anOrganizer(t, { organization: owner.organizationSlug, role });
  const outsider = await anOrganizer(t, { organization: `Organisation B ${Date.now()}` });
  const browsers = new Map<TestOrganizer, WebClient>();
  for (const o of [...Object.values(a), outsider]) browsers.set(o, await signedIn(t, o.email, o.password));
  return {
    t,
    a,
    outsider,
    browsers,
    asOwner: (path, method = 'GET', body) =>
      t.fetch(path, {
        method,
        headers: body === undefined ? { authorization: owner.headers.authorization } : owner.headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

let counter = 0;
const fresh = (what: string) => `${what}-${Date.now().toString(36)}-${++counter}@example.org`;

/** A new viewer in A (invited and accepted through the real link); returns its membership id. */
async function aMember(world: TenancyWorld): Promise<Record<string, string>> {
  const slug = world.a.owner.organizationSlug;
  const email = fresh('member');
  await world.asOwner(`/api/v1/organizations/${slug}/members`, 'POST', { email, role: 'viewer' });
  const token = tokenOf(await lastLink(world.t, email, 'member.invitation'));
  const browser = new WebClient(world.t);
  await browser.get(`/admin/invitation?token=${token}`);
  await browser.post('/admin/invitation', { token });
  const list = await json<{ items: { id: string; email: string }[] }>(await world.asOwner(`/api/v1/organizations/${slug}/members`));
  return { memberId: list.items.find((m) => m.email === email)!.id };
}

async function anInvitation(world: TenancyWorld): Promise<Record<string, string>> {
  const res = await world.asOwner(`/api/v1/organizations/${world.a.owner.organizationSlug}/members`, 'POST', { email: fresh('invitee'), role: 'viewer' });
  return { invitationId: (await json<{ id: string }>(res)).id };
}

const org = (w: TenancyWorld) => w.a.owner.organizationSlug;

/** Identity's organizer routes: members, invitations, audit, and the back-office pages. */
export const IDENTITY_ROUTES: OrganizerRoute[] = [
  { name: 'list members', method: 'GET', kind: 'api', permission: 'members:manage', path: (w) => `/api/v1/organizations/${org(w)}/members` },
  {
    name: 'invite a member',
    method: 'POST',
    kind: 'api',
    permission: 'members:manage',
    path: (w) => `/api/v1/organizations/${org(w)}/members`,
    body: () => ({ email: fresh('invite'), role: 'viewer' }),
  },
  {
    name: 'change a role',
    method: 'PATCH',
    kind: 'api',
    permission: 'members:roles',
    prepare: aMember,
    path: (w, f) => `/api/v1/organizations/${org(w)}/members/${f.memberId}`,
    body: () => ({ role: 'desk' }),
  },
  {
    name: 'remove a member',
    method: 'DELETE',
    kind: 'api',
    permission: 'members:roles',
    prepare: aMember,
    path: (w, f) => `/api/v1/organizations/${org(w)}/members/${f.memberId}`,
  },
  { name: 'list invitations', method: 'GET', kind: 'api', permission: 'members:manage', path: (w) => `/api/v1/organizations/${org(w)}/invitations` },
  {
    name: 'revoke an invitation',
    method: 'DELETE',
    kind: 'api',
    permission: 'members:manage',
    prepare: anInvitation,
    path: (w, f) => `/api/v1/organizations/${org(w)}/invitations/${f.invitationId}`,
  },
  { name: 'read the audit trail', method: 'GET', kind: 'api', permission: 'audit:read', path: (w) => `/api/v1/organizations/${org(w)}/audit` },
  { name: 'dashboard page', method: 'GET', kind: 'page', permission: 'organization:read', path: (w) => `/admin/o/${org(w)}` },
  { name: 'events page', method: 'GET', kind: 'page', permission: 'organization:read', path: (w) => `/admin/o/${org(w)}/events` },
  { name: 'members page', method: 'GET', kind: 'page', permission: 'members:manage', path: (w) => `/admin/o/${org(w)}/members` },
  {
    name: 'invite form',
    method: 'POST',
    kind: 'page',
    permission: 'members:manage',
    path: (w) => `/admin/o/${org(w)}/members`,
    body: () => ({ email: fresh('form'), role: 'viewer' }),
  },
  {
    name: 'role form',
    method: 'POST',
    kind: 'page',
    permission: 'members:roles',
    prepare: aMember,
    path: (w, f) => `/admin/o/${org(w)}/members/${f.memberId}/role`,
    body: () => ({ role: 'desk' }),
  },
  {
    name: 'remove form',
    method: 'POST',
    kind: 'page',
    permission: 'members:roles',
    prepare: aMember,
    path: (w, f) => `/admin/o/${org(w)}/members/${f.memberId}/remove`,
  },
  {
    name: 'revoke form',
    method: 'POST',
    kind: 'page',
    permission: 'members:manage',
    prepare: anInvitation,
    path: (w, f) => `/admin/o/${org(w)}/invitations/${f.invitationId}/revoke`,
  },
  { name: 'audit page', method: 'GET', kind: 'page', permission: 'audit:read', path: (w) => `/admin/o/${org(w)}/audit` },
];

/** A failed message of organization A, for the resend route. */
async function aFailedMessage(world: TenancyWorld): Promise<Record<string, string>> {
  const rows = await world.t.app.get(DataSource).query<{ id: string }[]>(
    `INSERT INTO outbox_messages (template, locale, recipient, data, message_id, status, attempts, last_error, organization_id)
     VALUES ('auth.magic-link', 'fr', $1, $2, $3, 'failed', 5, '550 no such user', $4) RETURNING id`,
    [fresh('bounce'), JSON.stringify({ name: 'X', link: 'http://localhost/x', expiresInMinutes: 15 }), `<${fresh('msg')}>`, world.a.owner.organizationId],
  );
  return { messageId: rows[0].id };
}

/** A failed text of organization A (its message carries no secret: it may be resent). */
async function aFailedSms(world: TenancyWorld): Promise<Record<string, string>> {
  const rows = await world.t.app.get(DataSource).query<{ id: string }[]>(
    `INSERT INTO outbox_messages (channel, template, locale, recipient, data, message_id, status, attempts, last_error, organization_id, segments)
     VALUES ('sms', 'sms.cancelled', 'fr', '+22366000000', $1, $2, 'failed', 5, 'HTTP 400', $3, 1) RETURNING id`,
    [JSON.stringify({ firstName: 'Awa', event: { fr: 'Forum' }, link: 'http://localhost/e/forum' }), `<${fresh('sms')}>`, world.a.owner.organizationId],
  );
  return { messageId: rows[0].id };
}

/** A delivery log (`mail` or `sms`) of organization A, as API and page, and its resend of a failed message that `failed` makes. */
function logRoutes(
  log: 'mail' | 'sms',
  names: [list: string, resend: string, page: string, form: string],
  failed: OrganizerRoute['prepare'],
): OrganizerRoute[] {
  const [list, resend, page, form] = names;
  const logOf = (kind: 'api' | 'page', w: TenancyWorld) => (kind === 'api' ? `/api/v1/organizations/${org(w)}/${log}` : `/admin/o/${org(w)}/${log}`);
  const read = (name: string, kind: 'api' | 'page'): OrganizerRoute => ({ name, method: 'GET', kind, permission: 'mail:manage', path: (w) => logOf(kind, w) });
  const write = (name: string, kind: 'api' | 'page'): OrganizerRoute => ({
    name,
    method: 'POST',
    kind,
    permission: 'mail:manage',
    prepare: failed,
    path: (w, f) => `${logOf(kind, w)}/${f.messageId}/resend`,
  });
  return [read(list, 'api'), write(resend, 'api'), read(page, 'page'), write(form, 'page')];
}

/** Notifications' organizer routes: the delivery logs (mail and SMS) and their resend. */
export const MAIL_ROUTES: OrganizerRoute[] = [
  ...logRoutes('mail', ['delivery log', 'resend a failed message', 'delivery log page', 'resend form'], aFailedMessage),
  ...logRoutes('sms', ['SMS log', 'resend a failed text', 'SMS log page', 'SMS resend form'], aFailedSms),
];

/**
 * Every organizer route the tenancy test walks through. Append yours. (The program
 * back-office pages and the speaker invitation are in program-admin-routes.ts, the
 * event-scoped API in event-api-routes.ts.)
 */
export const ORGANIZER_ROUTES: OrganizerRoute[] = [
  ...IDENTITY_ROUTES,
  ...MAIL_ROUTES,
  ...PROGRAM_ADMIN_ROUTES,
  ...EVENT_API_ROUTES,
  ...REGISTRATION_ROUTES,
  ...SPEAKER_ANSWER_ROUTES,
  ...REPORTING_ROUTES,
  ...CHECK_IN_ROUTES,
  ...PARTNER_ROUTES,
];

/** Calls a route as one person, the way their client would (bearer token, or browser with its form token). */
export async function callAs(world: TenancyWorld, who: TestOrganizer, route: OrganizerRoute): Promise<Response> {
  const fixture = route.prepare ? await route.prepare(world) : {};
  const path = route.path(world, fixture);
  const body = route.body?.(world, fixture);
  if (route.upload) return upload(world, who, route.kind, route.method, path, route.upload);
  if (route.kind === 'api') {
    return world.t.fetch(path, {
      method: route.method,
      headers: body ? who.headers : { authorization: who.headers.authorization },
      body: body ? JSON.stringify(body) : undefined,
    });
  }
  const browser = world.browsers.get(who)!;
  if (route.method === 'GET') return browser.get(path);
  await browser.get('/admin/account'); // a fresh page, hence the session's form token
  return browser.post(path, Object.fromEntries(Object.entries(body ?? {}).map(([k, v]) => [k, String(v)])));
}

/** A file sent as a client would: the bytes with their type (api), or a multipart form with the form token (page). */
async function upload(
  world: TenancyWorld,
  who: TestOrganizer,
  kind: OrganizerRoute['kind'],
  method: string,
  path: string,
  file: NonNullable<OrganizerRoute['upload']>,
) {
  const bytes = await file.bytes();
  if (kind === 'api') {
    return world.t.fetch(path, { method, headers: { authorization: who.headers.authorization, 'content-type': file.type }, body: bytes });
  }
  const browser = world.browsers.get(who)!;
  await browser.get('/admin/account');
  const form = new FormData();
  form.set('_csrf', browser.csrf ?? '');
  form.set(file.field, new Blob([bytes], { type: file.type }), 'fichier');
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  return world.t.fetch(path, { method, headers: { cookie, accept: 'text/html' }, body: form, redirect: 'manual' });
}

/** What success looks like: a 2xx for the API; a page (200) or a redirect-after-post (303) that is not to the sign-in page. */
export function expectSuccess(route: OrganizerRoute, res: Response): void {
  if (route.kind === 'api') {
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(300);
  } else if (route.method === 'GET' || route.answers === 'page') {
    expect(res.status).toBe(200);
  } else {
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).not.toMatch(/^\/admin\/sign-in/);
  }
}
