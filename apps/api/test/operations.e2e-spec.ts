import { HealthService } from '@palabre/platform';
import { anOrganizer } from './support/organizers';
import { json, suiteApp } from './support/test-app';

const METRICS_TOKEN = 'jeton-de-supervision-0123456789';

describe('/metrics with METRICS_TOKEN set', () => {
  const t = suiteApp({ METRICS_TOKEN });

  it('answers 401 without a token, as a problem document', async () => {
    const res = await t.fetch('/metrics');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(res)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers 403 with another bearer token — an API token of an organizer included', async () => {
    const o = await anOrganizer(t);
    for (const token of ['pas-le-bon-jeton', METRICS_TOKEN.slice(0, -1), o.token]) {
      const res = await t.fetch('/metrics', { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(403);
      expect(await json(res)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    }
  });

  it('answers the metrics with the token', async () => {
    const res = await t.fetch('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toMatch(/^palabre_process_cpu_seconds_total /m);
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  const t = suiteApp();

  it('stays open (a scraper on a private network)', async () => {
    expect((await t.fetch('/metrics')).status).toBe(200);
  });
});

describe('/health/ready when a check fails', () => {
  const t = suiteApp();

  it('names the failing check, without the error text, host or stack', async () => {
    const health = t.app.get(HealthService);
    health.register('search-index', async () => {
      throw new Error('connect ECONNREFUSED 10.20.30.40:9200\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)');
    });
    health.register('cache', async () => ({ ok: false, reason: 'redis://admin:hunter2@cache.internal:6379 refused' }));
    const res = await t.fetch('/health/ready');
    expect(res.status).toBe(503);
    const body = await json<{ status: string; failing: string[]; checks: Record<string, Record<string, unknown>> }>(res);
    expect(body.status).toBe('unavailable');
    expect(body.failing.sort()).toEqual(['cache', 'search-index']);
    expect(body.checks['search-index']).toEqual({ ok: false, error: 'check failed' });
    expect(body.checks.cache).toEqual({ ok: false });
    expect(body.checks.database).toMatchObject({ ok: true });
    const text = JSON.stringify(body);
    for (const leak of ['ECONNREFUSED', '10.20.30.40', 'afterConnect', 'node:net', 'hunter2', 'cache.internal']) expect(text).not.toContain(leak);
  });
});
