import { Histogram, Metric, Registry } from 'prom-client';
import { REQUEST_DURATION_BUCKETS, RequestDurations } from './request-durations';

/** What Prometheus scrapes must not change with the faster histogram: prom-client's own, fed the same answers. */
describe('RequestDurations', () => {
  const answers: [string, string, number, number][] = [
    ['GET', '/e/:slug/programme', 200, 0.0004],
    ['GET', '/e/:slug/programme', 200, 0.005],
    ['GET', '/e/:slug/programme', 200, 0.0051],
    ['GET', '/e/:slug/programme', 304, 0.3],
    ['POST', '/api/v1/events/:slug/registrations', 201, 0.012],
    ['POST', '/api/v1/events/:slug/registrations', 503, 7.5],
    ['GET', 'unmatched', 404, 5],
  ];

  it('writes the same exposition as prom-client’s Histogram', async () => {
    const theirs = new Registry();
    const histogram = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: REQUEST_DURATION_BUCKETS,
      registers: [theirs],
    });
    const ours = new Registry();
    const durations = new RequestDurations();
    ours.registerMetric(durations as unknown as Metric);
    for (const [method, route, status, seconds] of answers) {
      histogram.observe({ method, route, status: String(status) }, seconds);
      durations.observe(method, route, status, seconds);
    }
    const lines = (text: string) => text.split('\n').sort();
    expect(lines(await ours.metrics())).toEqual(lines(await theirs.metrics()));
    expect(await ours.metrics()).toContain('http_request_duration_seconds_bucket{le="0.005",method="GET",route="/e/:slug/programme",status="200"} 2');
  });

  it('starts again empty once reset', async () => {
    const durations = new RequestDurations();
    durations.observe('GET', '/', 200, 0.001);
    durations.reset();
    expect(durations.get().values).toEqual([]);
  });
});
