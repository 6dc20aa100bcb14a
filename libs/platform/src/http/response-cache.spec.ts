import { ifNoneMatchHits, representationTag, ResponseCache } from './response-cache';

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ResponseCache', () => {
  it('renders once for many simultaneous requests', async () => {
    const cache = new ResponseCache();
    let renders = 0;
    const render = async () => {
      renders++;
      await later(20);
      return { body: 'x'.repeat(2000), contentType: 'text/html' };
    };
    const entries = await Promise.all(Array.from({ length: 50 }, () => cache.get('k', 1000, render)));
    expect(renders).toBe(1);
    expect(new Set(entries.map((e) => e.etag)).size).toBe(1);
    expect(entries[0].br!.length).toBeLessThan(100);
    expect(entries[0].gzip!.length).toBeLessThan(100);
  });

  it('serves the stale copy while it renders a fresh one after expiry', async () => {
    const cache = new ResponseCache();
    let version = 1;
    const render = async () => {
      await later(30);
      return { body: `v${version}`, contentType: 'text/plain' };
    };
    await cache.get('k', 10, render);
    version = 2;
    await later(20);
    const stale = await cache.get('k', 10, render);
    expect(stale.identity.toString()).toBe('v1');
    await later(50);
    expect((await cache.get('k', 1000, render)).identity.toString()).toBe('v2');
  });

  it('shows a write at once after invalidation, even over a render already under way', async () => {
    const cache = new ResponseCache();
    let version = 1;
    const render = async () => {
      const v = version;
      await later(30);
      return { body: `v${v}`, contentType: 'text/plain' };
    };
    const first = cache.get('event:1:program', 1000, render);
    version = 2;
    cache.invalidate('event:1:');
    expect((await first).identity.toString()).toBe('v1');
    expect((await cache.get('event:1:program', 1000, render)).identity.toString()).toBe('v2');
  });
});

describe('conditional requests', () => {
  const etag = '"0123456789abcdef"';

  it('tags each encoding of the same bytes apart', () => {
    expect(representationTag(etag)).toBe(etag);
    expect(representationTag(etag, 'br')).toBe('"0123456789abcdef-br"');
    expect(representationTag(etag, 'gzip')).toBe('"0123456789abcdef-gzip"');
  });

  it.each([
    [undefined, false],
    ['', false],
    ['*', true],
    [etag, true],
    [`W/${etag}`, true],
    ['"0123456789abcdef-br"', true],
    ['"0123456789abcdef-gzip"', true],
    [`"other", ${etag}`, true],
    ['"other"', false],
    ['"0123456789abcdee"', false],
  ])('If-None-Match %p → %p', (header, expected) => {
    expect(ifNoneMatchHits(header, etag)).toBe(expected);
  });
});

describe('answering a repeated request before its controller', () => {
  const page = async () => ({ body: 'programme', contentType: 'text/html' });

  it('finds the entry a request was answered from while it is fresh, and only then', async () => {
    const cache = new ResponseCache();
    await cache.get('event:a:page:1', 40, page);
    expect(cache.fresh('fr /e/a/programme')).toBeUndefined();
    cache.remember('fr /e/a/programme', 'event:a:page:1');
    expect(cache.fresh('fr /e/a/programme')?.identity.toString()).toBe('programme');
    expect(cache.fresh('en /e/a/programme')).toBeUndefined();
    await later(60);
    // Expired: the controller decides again (its key may have changed, e.g. a new day).
    expect(cache.fresh('fr /e/a/programme')).toBeUndefined();
  });

  it('forgets the shortcut with the entries an invalidation drops', async () => {
    const cache = new ResponseCache();
    await cache.get('event:a:page:1', 1000, page);
    await cache.get('event:b:page:1', 1000, page);
    cache.remember('fr /e/a/programme', 'event:a:page:1');
    cache.remember('fr /e/b/programme', 'event:b:page:1');
    cache.invalidate('event:a:');
    expect(cache.fresh('fr /e/a/programme')).toBeUndefined();
    expect(cache.fresh('fr /e/b/programme')).toBeDefined();
    // Rendered again under the same key, it is not taken for the request until a controller says so.
    await cache.get('event:a:page:1', 1000, page);
    expect(cache.fresh('fr /e/a/programme')).toBeUndefined();
  });
});
