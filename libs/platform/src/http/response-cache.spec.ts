import { Logger } from '@nestjs/common';
import { PlatformError } from '../errors/platform-errors';
import { ifNoneMatchHits, representationTag, ResponseCache } from './response-cache';

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

const MB = 1024 * 1024;

describe('ResponseCache', () => {
  it('renders once for many simultaneous requests', async () => {
    const cache = new ResponseCache({ maxBytes: MB });
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
    const cache = new ResponseCache({ maxBytes: MB });
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
    const cache = new ResponseCache({ maxBytes: MB });
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
    const cache = new ResponseCache({ maxBytes: MB });
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
    const cache = new ResponseCache({ maxBytes: MB });
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

describe('a cache bounded by bytes', () => {
  /** A render that counts its calls; 900 bytes stay below the size worth compressing. */
  function counted() {
    const renders: Record<string, number> = {};
    const render = (key: string) => async () => {
      renders[key] = (renders[key] ?? 0) + 1;
      return { body: key.repeat(900 / key.length), contentType: 'text/plain' };
    };
    return { renders, render };
  }

  it('keeps no more bytes than it is given, dropping the least recently used first', async () => {
    const cache = new ResponseCache({ maxBytes: 4_000 });
    const { renders, render } = counted();
    for (const key of ['a', 'b', 'c']) await cache.get(key, 60_000, render(key));
    await cache.get('a', 60_000, render('a'));
    await cache.get('d', 60_000, render('d'));
    expect(cache.stats().bytes).toBeLessThanOrEqual(4_000);
    expect(cache.stats().entries).toBe(3);
    // b was the least recently used: only b is rendered again.
    for (const key of ['a', 'c', 'd', 'b']) await cache.get(key, 60_000, render(key));
    expect(renders).toEqual({ a: 1, b: 2, c: 1, d: 1 });
  });

  it('keeps a page in demand while others come and go, used twice in a row or not', async () => {
    const cache = new ResponseCache({ maxBytes: 4_000 });
    const { renders, render } = counted();
    await cache.get('hot', 60_000, render('hot'));
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) {
      await cache.get('hot', 60_000, render('hot'));
      await cache.get('hot', 60_000, render('hot'));
      await cache.get(key, 60_000, render(key));
    }
    expect(renders.hot).toBe(1);
    expect(cache.stats().entries).toBe(3);
  });

  it('counts the compressed copies too', async () => {
    const cache = new ResponseCache({ maxBytes: MB });
    const entry = await cache.get('big', 60_000, async () => ({ body: 'programme '.repeat(500), contentType: 'text/html' }));
    expect(cache.stats().bytes).toBeGreaterThan(entry.identity.length + entry.br!.length + entry.gzip!.length);
  });

  it('serves an answer larger than the whole cache without keeping it', async () => {
    const cache = new ResponseCache({ maxBytes: 2_000 });
    await cache.get('small', 60_000, async () => ({ body: 's', contentType: 'text/plain' }));
    const entry = await cache.get('huge', 60_000, async () => ({ body: Buffer.alloc(5_000, 1), contentType: 'application/octet-stream' }));
    expect(entry.identity.length).toBe(5_000);
    expect(cache.stats()).toMatchObject({ entries: 1 });
  });

  it('does not keep what its render says not to keep (a page past the last)', async () => {
    const cache = new ResponseCache({ maxBytes: MB });
    let renders = 0;
    const render = async () => {
      renders++;
      return { body: '{"items":[]}', contentType: 'application/json', keep: false };
    };
    expect((await cache.get('sessions:99', 60_000, render)).identity.toString()).toBe('{"items":[]}');
    await cache.get('sessions:99', 60_000, render);
    expect(renders).toBe(2);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('forgets the aliases of an entry it drops for room, and remembers none for an entry it does not hold', async () => {
    const cache = new ResponseCache({ maxBytes: 2_500 });
    const { render } = counted();
    await cache.get('a', 60_000, render('a'));
    cache.remember('fr /a', 'a');
    cache.remember('fr /nothing', 'nothing');
    expect(cache.stats().aliases).toBe(1);
    await cache.get('b', 60_000, render('b'));
    await cache.get('c', 60_000, render('c'));
    expect(cache.fresh('fr /a')).toBeUndefined();
    expect(cache.stats().aliases).toBe(0);
  });

  it('holds a bounded number of aliases', async () => {
    const cache = new ResponseCache({ maxBytes: MB, maxAliases: 3 });
    await cache.get('k', 60_000, async () => ({ body: 'x', contentType: 'text/plain' }));
    for (let i = 0; i < 10; i++) cache.remember(`fr /page?n=${i}`, 'k');
    expect(cache.stats().aliases).toBe(3);
    expect(cache.fresh('fr /page?n=9')).toBeDefined();
    expect(cache.fresh('fr /page?n=0')).toBeUndefined();
  });
});

describe('a refresh that fails', () => {
  afterEach(() => jest.restoreAllMocks());

  it('is logged, and the stale copy is served meanwhile', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const cache = new ResponseCache({ maxBytes: MB });
    await cache.get('event:a:page', 10, async () => ({ body: 'v1', contentType: 'text/plain' }));
    await later(20);
    const stale = await cache.get('event:a:page', 10, async () => {
      throw new Error('connection terminated');
    });
    expect(stale.identity.toString()).toBe('v1');
    await later(5);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls[0])).toContain('event:a:page');
  });

  it('drops the stale copy when the answer is now a refusal (the event was unpublished elsewhere)', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const cache = new ResponseCache({ maxBytes: MB });
    await cache.get('event:a:page', 10, async () => ({ body: 'v1', contentType: 'text/plain' }));
    await later(20);
    const gone = async () => {
      throw new PlatformError('NOT_FOUND');
    };
    await cache.get('event:a:page', 10, gone);
    await later(5);
    await expect(cache.get('event:a:page', 10, gone)).rejects.toThrow(/NOT_FOUND/);
  });
});
