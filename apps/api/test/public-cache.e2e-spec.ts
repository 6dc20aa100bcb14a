import { randomBytes } from 'node:crypto';
import { ResponseCache } from '@palabre/platform';
import { anOrganizer } from './support/organizers';
import { aKeynote, ProgramApi } from './support/program';
import { json, suiteApp } from './support/test-app';

/**
 * The response cache against strangers: a query string anyone can vary does not add
 * remembered addresses, and a page anyone can number does not add entries.
 */
describe('the public response cache under made-up addresses', () => {
  let p: ProgramApi;
  let cache: ResponseCache;

  const t = suiteApp({ RESPONSE_CACHE_MB: '16' });
  beforeAll(async () => {
    p = await ProgramApi.newEvent(t, await anOrganizer(t));
    const room = await p.room('Salle 1');
    await p.session(aKeynote().inRoom(room).on(1, '09:00', '10:00'));
    await p.session(aKeynote().inRoom(room).on(2, '09:00', '10:00'));
    expect((await p.release()).status).toBe(201);
    await p.publishEvent();
    cache = t.app.get(ResponseCache);
  });

  async function status(path: string): Promise<number> {
    const res = await t.fetch(path);
    await res.arrayBuffer();
    return res.status;
  }

  it('is as large as RESPONSE_CACHE_MB says', () => {
    expect(cache.stats().maxBytes).toBe(16 * 1024 * 1024);
  });

  it('remembers the canonical addresses of public reads, and no stray query string', async () => {
    const canonical = ['/', `/e/${p.slug}`, `/e/${p.slug}/programme`, `/e/${p.slug}/programme?jour=2`, `/api/v1/events/${p.slug}/sessions`];
    for (const path of canonical) expect([path, await status(path)]).toEqual([path, 200]);
    const remembered = cache.stats().aliases;
    expect(remembered).toBeGreaterThanOrEqual(canonical.length);
    for (let i = 0; i < 25; i++) {
      const r = randomBytes(6).toString('hex');
      for (const path of [
        `/?utm_source=${r}`,
        `/e/${p.slug}?ref=${r}`,
        `/e/${p.slug}/programme?jour=${r}`,
        `/e/${p.slug}/programme?jour=2&salle=${r}`,
        `/e/${p.slug}/intervenants?${r}`,
        `/api/v1/events/${p.slug}/sessions?pageSize=${100 + i}`,
        `/api/v1/events/${p.slug}/sessions?page=1`,
      ]) {
        expect([path, await status(path)]).toEqual([path, 200]);
      }
    }
    expect(cache.stats().aliases).toBe(remembered);
  });

  it('keeps no page past the last, nor a page of another size than the default', async () => {
    for (const path of [`/api/v1/events/${p.slug}/sessions`, '/api/v1/events', `/api/v1/events/${p.slug}/speakers`]) expect(await status(path)).toBe(200);
    const held = cache.stats().entries;
    for (const page of [2, 50, 99_999]) {
      for (const path of [`/api/v1/events/${p.slug}/sessions?page=${page}`, `/api/v1/events?page=${page}`, `/api/v1/events/${p.slug}/speakers?page=${page}`]) {
        const res = await t.fetch(path);
        expect([path, res.status]).toEqual([path, 200]);
        expect(await json(res)).toMatchObject({ items: [], page });
      }
    }
    for (let size = 1; size <= 20; size++) {
      const res = await t.fetch(`/api/v1/events/${p.slug}/sessions?pageSize=${size}`);
      expect((await json<{ items: unknown[] }>(res)).items).toHaveLength(Math.min(size, 2));
    }
    expect(cache.stats().entries).toBe(held);
  });

  it('forgets the answers about an event as soon as it changes: its page, its JSON and the list', async () => {
    const read = async (path: string) => (await t.fetch(path)).text();
    const [page, answer, list] = [`/e/${p.slug}`, `/api/v1/events/${p.slug}`, '/api/v1/events'];
    for (const path of [page, answer, list]) expect(await read(path)).toContain('Forum de test');
    await p.ok('PATCH', '', { title: { fr: 'Forum renommé', en: 'Renamed forum' } });
    for (const path of [page, answer, list]) expect([path, await read(path)]).toEqual([path, expect.stringContaining('Forum renommé')]);
    await p.ok('POST', '/archive');
    expect(await read(list)).not.toContain(p.slug);
  });
});
