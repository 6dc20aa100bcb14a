import { DataSource } from 'typeorm';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { json, startTestApp, TestApp, suiteApp } from './support/test-app';
import { itBreaksWithoutItsLock, itHoldsUnderConcurrency, TestClock } from '@palabre/testing';
import { lastLink, tokenOf, WebClient } from './support/web-client';

interface Member {
  id: string;
  userId: string;
  email: string;
  role: string;
}

describe('members of an organization, by the JSON API', () => {
  const clock = new TestClock();
  const t = suiteApp({}, { clock });
  afterEach(() => clock.reset());

  const api = (o: TestOrganizer, path: string, method = 'GET', body?: unknown) =>
    t.fetch(`/api/v1/organizations/${o.organizationSlug}${path}`, {
      method,
      headers: body === undefined ? { authorization: o.headers.authorization } : o.headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const members = async (o: TestOrganizer) => (await json<{ items: Member[] }>(await api(o, '/members'))).items;
  const audit = async (o: TestOrganizer) =>
    (await json<{ items: { action: string; changes: Record<string, unknown>; actor: { email: string } | null }[] }>(await api(o, '/audit'))).items;

  /** Invites and accepts through the real link; returns the new member. */
  async function join(owner: TestOrganizer, email: string, role: string): Promise<Member> {
    expect((await api(owner, '/members', 'POST', { email, role })).status).toBe(201);
    const token = tokenOf(await lastLink(t, email, 'member.invitation'));
    const browser = new WebClient(t);
    await browser.get(`/admin/invitation?token=${token}`);
    expect((await browser.post('/admin/invitation', { token })).status).toBe(303);
    return (await members(owner)).find((m) => m.email === email)!;
  }

  it('invites by email with a role: a 7-day invitation, emailed in the same transaction', async () => {
    const owner = await anOrganizer(t, { organization: 'Ministère de la Jeunesse' });
    const res = await api(owner, '/members', 'POST', { email: 'Awa.Traore@Example.org', role: 'desk', name: 'Awa Traoré' });
    expect(res.status).toBe(201);
    const body = await json<{ id: string; email: string; role: string; status: string; expiresAt: string }>(res);
    expect(body).toMatchObject({ email: 'awa.traore@example.org', role: 'desk', status: 'pending' });
    expect(new Date(body.expiresAt).getTime() - clock.now().getTime()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    const [message] = await t.app
      .get(DataSource)
      .query<{ recipient: string; data: Record<string, unknown> }[]>(
        `SELECT recipient, data FROM outbox_messages WHERE template = 'member.invitation' AND recipient = 'awa.traore@example.org'`,
      );
    expect(message.data).toMatchObject({ organizationName: 'Ministère de la Jeunesse', role: 'desk', expiresInHours: 168 });
    expect(message.data.inviterName).toBeTruthy();
    expect((await json<{ items: unknown[] }>(await api(owner, '/invitations'))).items).toHaveLength(1);
  });

  it('names the bad fields of an invitation and of a role change', async () => {
    const owner = await anOrganizer(t);
    const bad = await api(owner, '/members', 'POST', { email: 'pas-une-adresse', role: 'superuser', extra: 1 });
    expect(bad.status).toBe(400);
    const fields = (await json<{ errors: { field: string }[] }>(bad)).errors.map((e) => e.field).sort();
    expect(fields).toEqual(['email', 'extra', 'role']);
    const [me] = await members(owner);
    const patch = await api(owner, `/members/${me.id}`, 'PATCH', { role: 'root' });
    expect(patch.status).toBe(400);
  });

  it('refuses to invite someone who is already a member', async () => {
    const owner = await anOrganizer(t);
    const res = await api(owner, '/members', 'POST', { email: owner.email.toUpperCase(), role: 'viewer' });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ code: 'ALREADY_MEMBER', errors: [{ field: 'email' }] });
  });

  it('lets only an owner invite an owner', async () => {
    const owner = await anOrganizer(t);
    const admin = await anOrganizer(t, { organization: owner.organizationSlug, role: 'admin' });
    expect((await api(admin, '/members', 'POST', { email: 'x@example.org', role: 'owner' })).status).toBe(403);
    expect((await api(admin, '/members', 'POST', { email: 'x@example.org', role: 'admin' })).status).toBe(201);
    expect((await api(owner, '/members', 'POST', { email: 'y@example.org', role: 'owner' })).status).toBe(201);
  });

  it('replaces a pending invitation when inviting again, and revokes on demand', async () => {
    const owner = await anOrganizer(t);
    await api(owner, '/members', 'POST', { email: 'again@example.org', role: 'viewer' });
    const first = tokenOf(await lastLink(t, 'again@example.org', 'member.invitation'));
    await api(owner, '/members', 'POST', { email: 'again@example.org', role: 'program' });
    const second = tokenOf(await lastLink(t, 'again@example.org', 'member.invitation'));
    expect(second).not.toBe(first);
    expect((await t.fetch(`/admin/invitation?token=${first}`)).status).toBe(410);
    const [pending] = (await json<{ items: { id: string; role: string }[] }>(await api(owner, '/invitations'))).items;
    expect(pending.role).toBe('program');
    expect((await api(owner, `/invitations/${pending.id}`, 'DELETE')).status).toBe(204);
    expect((await t.fetch(`/admin/invitation?token=${second}`)).status).toBe(410);
    expect((await api(owner, `/invitations/${pending.id}`, 'DELETE')).status).toBe(404);
    expect((await api(owner, '/invitations/not-an-id', 'DELETE')).status).toBe(404);
  });

  it('lets an invitation expire after 7 days', async () => {
    const owner = await anOrganizer(t);
    await api(owner, '/members', 'POST', { email: 'late@example.org', role: 'viewer' });
    const token = tokenOf(await lastLink(t, 'late@example.org', 'member.invitation'));
    clock.advance(7 * 86_400_000 + 60_000);
    const browser = new WebClient(t);
    expect((await browser.get(`/admin/invitation?token=${token}`)).status).toBe(410);
    await browser.get('/admin/sign-in');
    expect((await browser.post('/admin/invitation', { token })).status).toBe(410);
  });

  it('adds an existing account to a second organization, and never demotes someone already in it', async () => {
    const a = await anOrganizer(t);
    const b = await anOrganizer(t);
    const joined = await join(a, b.email, 'viewer');
    expect(joined.role).toBe('viewer');
    const orgs = await json<{ items: { slug: string; role: string }[] }>(await t.fetch('/api/v1/organizations', { headers: b.headers }));
    expect(orgs.items.map((o) => o.slug).sort()).toEqual([a.organizationSlug, b.organizationSlug].sort());

    // An owner accepting a stale viewer invitation to their own organization stays owner.
    const second = await anOrganizer(t, { organization: a.organizationSlug });
    await t.query(`DELETE FROM memberships WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [second.email]);
    expect((await api(a, '/members', 'POST', { email: second.email, role: 'viewer' })).status).toBe(201);
    const token = tokenOf(await lastLink(t, second.email, 'member.invitation'));
    await t.app
      .get(DataSource)
      .query(`INSERT INTO memberships (user_id, organization_id, role) SELECT id, $2, 'owner' FROM users WHERE email = $1`, [second.email, a.organizationId]);
    const browser = new WebClient(t);
    await browser.get(`/admin/invitation?token=${token}`);
    expect((await browser.post('/admin/invitation', { token })).status).toBe(303);
    expect((await members(a)).find((m) => m.email === second.email)?.role).toBe('owner');
  });

  it('lets owners change roles and remove members, with an audit entry for each', async () => {
    const owner = await anOrganizer(t);
    const member = await join(owner, 'moussa@example.org', 'program');
    const changed = await api(owner, `/members/${member.id}`, 'PATCH', { role: 'desk' });
    expect(changed.status).toBe(200);
    expect(await json(changed)).toMatchObject({ id: member.id, email: 'moussa@example.org', role: 'desk' });
    expect((await api(owner, `/members/${member.id}`, 'DELETE')).status).toBe(204);
    expect((await members(owner)).map((m) => m.email)).not.toContain('moussa@example.org');
    expect((await api(owner, `/members/${member.id}`, 'DELETE')).status).toBe(404);

    const entries = await audit(owner);
    expect(entries.map((e) => e.action)).toEqual(['member.removed', 'member.role_changed', 'member.joined', 'member.invited']);
    expect(entries[1]).toMatchObject({ changes: { email: 'moussa@example.org', role: { from: 'program', to: 'desk' } }, actor: { email: owner.email } });
    expect(entries[2].actor).toMatchObject({ email: 'moussa@example.org' });
  });

  it('lets an admin invite but not change roles nor remove', async () => {
    const owner = await anOrganizer(t);
    const admin = await anOrganizer(t, { organization: owner.organizationSlug, role: 'admin' });
    const [ownerMember] = (await members(owner)).filter((m) => m.email === owner.email);
    expect((await api(admin, `/members/${ownerMember.id}`, 'PATCH', { role: 'viewer' })).status).toBe(403);
    expect((await api(admin, `/members/${ownerMember.id}`, 'DELETE')).status).toBe(403);
    expect((await members(owner)).find((m) => m.email === owner.email)?.role).toBe('owner');
  });

  it('never leaves an organization without an owner, and records no refused change', async () => {
    const owner = await anOrganizer(t);
    const [me] = await members(owner);
    const demote = await api(owner, `/members/${me.id}`, 'PATCH', { role: 'admin' });
    expect(demote.status).toBe(409);
    expect((await json(demote)).code).toBe('LAST_OWNER');
    expect((await api(owner, `/members/${me.id}`, 'DELETE')).status).toBe(409);
    expect(await audit(owner)).toEqual([]);

    const other = await join(owner, 'co-owner@example.org', 'admin');
    expect((await api(owner, `/members/${other.id}`, 'PATCH', { role: 'owner' })).status).toBe(200);
    expect((await api(owner, `/members/${me.id}`, 'PATCH', { role: 'admin' })).status).toBe(200);
    // The former owner, now admin, may no longer change roles.
    expect((await api(owner, `/members/${other.id}`, 'PATCH', { role: 'viewer' })).status).toBe(403);
  });

  /**
   * In each of `pairs` organizations, two owners demote each other at the same moment; answers
   * how many owners each organization keeps.
   */
  async function demoteEachOther(app: TestApp, pairs: number): Promise<{ owners: number[]; statuses: number[][] }> {
    const orgs = await Promise.all(
      Array.from({ length: pairs }, async () => {
        const owner = await anOrganizer(app);
        const second = await anOrganizer(app, { organization: owner.organizationSlug });
        const list = (
          await json<{ items: Member[] }>(
            await app.fetch(`/api/v1/organizations/${owner.organizationSlug}/members`, { headers: { authorization: owner.headers.authorization } }),
          )
        ).items;
        const idOf = (email: string) => list.find((m) => m.email === email)!.id;
        return { owner, second, ownerId: idOf(owner.email), secondId: idOf(second.email) };
      }),
    );
    const demote = (by: TestOrganizer, id: string) =>
      app.fetch(`/api/v1/organizations/${by.organizationSlug}/members/${id}`, {
        method: 'PATCH',
        headers: by.headers,
        body: JSON.stringify({ role: 'admin' }),
      });
    const statuses = await Promise.all(
      orgs.map(async (o) => (await Promise.all([demote(o.owner, o.secondId), demote(o.second, o.ownerId)])).map((r) => r.status).sort()),
    );
    const owners = await Promise.all(
      orgs.map(
        async (o) =>
          (await app.app.get(DataSource).query<unknown[]>(`SELECT 1 FROM memberships WHERE organization_id = $1 AND role = 'owner'`, [o.owner.organizationId]))
            .length,
      ),
    );
    return { owners, statuses };
  }

  itHoldsUnderConcurrency('keeps an owner when two owners demote each other at once', async () => {
    const { owners, statuses } = await demoteEachOther(t, 8);
    // One wins; the other is refused, as the last owner (409) or as no longer an owner (403), depending on timing.
    for (const [won, refused] of statuses) {
      expect(won).toBe(200);
      expect([403, 409]).toContain(refused);
    }
    expect(owners).toEqual(Array.from({ length: 8 }, () => 1));
  });

  itBreaksWithoutItsLock('organization-members', 'two owners demoting each other can leave an organization with no owner', async () => {
    const unlocked = await startTestApp({ TEST_WITHOUT_LOCKS: 'organization-members' });
    try {
      let orphaned = 0;
      for (let round = 0; round < 5 && orphaned === 0; round++) orphaned = (await demoteEachOther(unlocked, 8)).owners.filter((n) => n === 0).length;
      expect(orphaned).toBeGreaterThan(0);
    } finally {
      await unlocked.close();
    }
  });

  it('shows the audit trail on a page to owners and admins, newest first', async () => {
    const owner = await anOrganizer(t);
    await api(owner, '/members', 'POST', { email: 'trail@example.org', role: 'viewer' });
    const browser = new WebClient(t);
    await browser.get('/admin/sign-in');
    await browser.post('/admin/sign-in', { email: owner.email, password: owner.password });
    const html = await (await browser.get(`/admin/o/${owner.organizationSlug}/audit`)).text();
    expect(html).toContain('Invitation envoyée');
    expect(html).toContain('email : trail@example.org');
    expect(html).toContain('role : Lecture seule');
  });
});
