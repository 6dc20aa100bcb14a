import { ROLES } from '@palabre/platform';
import { declaredRoutes, routeServing } from './support/declared-routes';
import { allowedRoles, buildTenancyWorld, callAs, expectSuccess, ORGANIZER_ROUTES, TenancyWorld } from './support/organizer-routes';
import { json, suiteApp } from './support/test-app';
import { signedIn } from './support/web-client';

/**
 * The wall between tenants, route by route: for every organizer route (the table in
 * support/organizer-routes.ts), a member of another organization gets 404, a role without
 * the permission 403, a role with it a success.
 */
describe('tenancy and roles on every organizer route', () => {
  let world: TenancyWorld;
  const t = suiteApp();
  beforeAll(async () => {
    world = await buildTenancyWorld(t);
  }, 120_000);

  /**
   * The table checks itself against the routes the app registers: a route that declares a
   * permission (`@Authenticated('…')`) and has no row fails here, so no route skips the wall.
   */
  describe('the table of organizer routes', () => {
    // Paths are worked out without their fixtures: any value stands for a made-up id.
    const placeholder = new Proxy({}, { get: () => 'placeholder' }) as Record<string, string>;
    const rows = () => ORGANIZER_ROUTES.map((row) => ({ row, served: routeServing(declaredRoutes(t.app), row.method, row.path(world, placeholder)) }));

    it('has a row for every route that declares a permission', () => {
      const covered = new Set(rows().map(({ row, served }) => served && `${row.method} ${served.path}`));
      const missing = declaredRoutes(t.app)
        .filter((r) => r.permission !== undefined && !covered.has(`${r.method} ${r.path}`))
        .map((r) => `${r.method} ${r.path} (${r.handler}, ${r.permission})`);
      expect(missing).toEqual([]);
    });

    it('names the permission each route declares, and no route that does not exist', () => {
      const wrong = rows()
        .filter(({ row, served }) => served?.permission !== row.permission)
        .map(({ row, served }) => `${row.name}: table says ${row.permission}, route ${served ? `declares ${served.permission ?? 'none'}` : 'does not exist'}`);
      expect(wrong).toEqual([]);
    });
  });

  describe.each(ORGANIZER_ROUTES.map((r) => [`${r.method} ${r.kind} — ${r.name}`, r] as const))('%s', (_, route) => {
    it('answers 404 to a member of another organization', async () => {
      const res = await callAs(world, world.outsider, route);
      expect(res.status).toBe(404);
    });

    it.each(ROLES.map((role) => [role, allowedRoles(route.permission).includes(role)] as const))('as %s: allowed = %p', async (role, allowed) => {
      const res = await callAs(world, world.a[role], route);
      if (allowed) {
        expectSuccess(route, res);
      } else {
        expect(res.status).toBe(403);
      }
    });
  });

  it('lists only the caller’s own organizations', async () => {
    const mine = await json<{ items: { slug: string }[] }>(await t.fetch('/api/v1/organizations', { headers: world.outsider.headers }));
    expect(mine.items.map((o) => o.slug)).toEqual([world.outsider.organizationSlug]);
    const chooser = await (await world.browsers.get(world.outsider)!.get(`/admin/o/${world.outsider.organizationSlug}`)).text();
    expect(chooser).not.toContain(world.a.owner.organizationSlug);
  });

  it('does not let anyone revoke another person’s API token', async () => {
    const victim = world.a.owner;
    const [token] = (await json<{ items: { id: string }[] }>(await t.fetch('/api/v1/me/tokens', { headers: { authorization: victim.headers.authorization } })))
      .items;
    const res = await t.fetch(`/api/v1/me/tokens/${token.id}`, { method: 'DELETE', headers: { authorization: world.outsider.headers.authorization } });
    expect(res.status).toBe(404);
    const browser = world.browsers.get(world.outsider)!;
    await browser.get('/admin/account');
    expect((await browser.post(`/admin/account/tokens/${token.id}/revoke`)).status).toBe(404);
    expect((await t.fetch('/api/v1/organizations', { headers: victim.headers })).status).toBe(200);
  });

  it('does not find another organization’s member through one’s own organization', async () => {
    const list = await json<{ items: { id: string }[] }>(await world.asOwner(`/api/v1/organizations/${world.a.owner.organizationSlug}/members`));
    const own = world.outsider.organizationSlug;
    const auth = { authorization: world.outsider.headers.authorization };
    expect(
      (
        await t.fetch(`/api/v1/organizations/${own}/members/${list.items[0].id}`, {
          method: 'PATCH',
          headers: world.outsider.headers,
          body: '{"role":"viewer"}',
        })
      ).status,
    ).toBe(404);
    expect((await t.fetch(`/api/v1/organizations/${own}/members/${list.items[0].id}`, { method: 'DELETE', headers: auth })).status).toBe(404);
  });

  it('answers 404, not 403, to a low role of another organization', async () => {
    const { anOrganizer } = await import('./support/organizers');
    const viewerOfB = await anOrganizer(t, { organization: world.outsider.organizationSlug, role: 'viewer' });
    const res = await t.fetch(`/api/v1/organizations/${world.a.owner.organizationSlug}/members`, { headers: viewerOfB.headers });
    expect(res.status).toBe(404);
    const browser = await signedIn(t, viewerOfB.email, viewerOfB.password);
    expect((await browser.get(`/admin/o/${world.a.owner.organizationSlug}/audit`)).status).toBe(404);
  });
});
