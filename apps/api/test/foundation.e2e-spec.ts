import { DEMO_EVENT_SLUG } from '@palabre/demo';
import { JobRunner } from '@palabre/platform';
import { json, suiteApp } from './support/test-app';

describe('the forum site on a fresh database', () => {
  const t = suiteApp({ SEED_DEMO: 'true' });

  it('serves the demo forum on the French home page', async () => {
    const res = await t.fetch('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Forum Job Cluster');
    expect(html).toContain('Centre international de conférences de Bamako');
    expect(html).toContain(`href="/e/${DEMO_EVENT_SLUG}"`);
  });

  it('speaks English when asked, by ?lang= or Accept-Language', async () => {
    const byHeader = await (await t.fetch('/', { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text();
    expect(byHeader).toContain('<html lang="en">');
    expect(byHeader).toContain('NGOs and sustainable job creation');
    const byQuery = await t.fetch('/?lang=en');
    expect(await byQuery.text()).toContain('Forums and conferences');
    expect(byQuery.headers.get('set-cookie')).toMatch(/lang=en/);
  });

  it('does not seed twice', async () => {
    const { DemoSeeder } = await import('@palabre/demo');
    expect(await t.app.get(DemoSeeder).seedIfEmpty()).toBe(false);
    const list = await json<{ items: unknown[] }>(await t.fetch('/api/v1/events'));
    expect(list.items).toHaveLength(1);
  });

  it('lists the published events and one event by its slug', async () => {
    const one = await json(await t.fetch(`/api/v1/events/${DEMO_EVENT_SLUG}`));
    expect(one).toMatchObject({ slug: DEMO_EVENT_SLUG, timeZone: 'Africa/Bamako' });
    expect(String(one.startsAt)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('answers ready when the database is', async () => {
    const res = await t.fetch('/health/ready');
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'ok', checks: { database: { ok: true } } });
    expect((await t.fetch('/health/live')).status).toBe(200);
  });

  it('exposes Prometheus metrics and the OpenAPI document', async () => {
    await t.fetch('/');
    const metrics = await (await t.fetch('/metrics')).text();
    expect(metrics).toContain('http_request_duration_seconds_bucket');
    const docs = await json<{ openapi: string; paths: Record<string, unknown> }>(await t.fetch('/api/docs-json'));
    expect(docs.openapi).toMatch(/^3\./);
    expect(Object.keys(docs.paths)).toContain('/api/v1/events/{slug}');
  });

  it('shows every background job in the metrics: its runs, failures and last success', async () => {
    const before = await (await t.fetch('/metrics')).text();
    for (const job of t.app.get(JobRunner).list()) {
      expect(before).toContain(`palabre_job_runs_total{job="${job}"} 0`);
      expect(before).toContain(`palabre_job_failures_total{job="${job}"} 0`);
    }
    await t.app.get(JobRunner).drain(['outbox-purge']);
    const after = await (await t.fetch('/metrics')).text();
    expect(after).toContain('palabre_job_runs_total{job="outbox-purge"} 1');
    expect(after).toContain('palabre_job_failures_total{job="outbox-purge"} 0');
    expect(Number(/^palabre_job_last_success_timestamp_seconds\{job="outbox-purge"\} (\S+)$/m.exec(after)?.[1])).toBeGreaterThan(0);
  });

  it('serves the stylesheet under a hashed name, cached for a year', async () => {
    const html = await (await t.fetch('/')).text();
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1];
    const css = await t.fetch(href);
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toContain('immutable');
  });
});

describe('problems', () => {
  const t = suiteApp();

  it('answers an unknown route with a 404 problem, in French by default', async () => {
    const res = await t.fetch('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(res)).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Introuvable' });
  });

  it('answers in English with Accept-Language: en', async () => {
    const res = await t.fetch('/api/v1/events/no-such-event', { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(404);
    const body = await json(res);
    expect(body).toMatchObject({ code: 'EVENT_NOT_FOUND', title: 'Event not found' });
    expect(body.detail).toContain('no-such-event');
  });

  it('shows browsers an error page rather than JSON', async () => {
    const res = await t.fetch('/no/such/page', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('Introuvable');
  });

  it('carries a request id, the caller’s when it is well formed', async () => {
    const res = await t.fetch('/api/v1/nothing', { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect((await json(res)).requestId).toBe('abc-123');
  });

  it('escapes what users type into pages', async () => {
    const res = await t.fetch('/<script>alert(1)</script>', { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
  });
});
