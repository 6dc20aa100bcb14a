import { Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@palabre/testing';
import { AppConfig, loadConfig } from '../config/app-config';
import { Clock } from '../clock';
import { DomainError } from '../errors/domain-error';
import { JobRunner } from '../jobs/job-runner';
import { typeormOptions } from '../database/typeorm-options';
import { PostgresRateLimitStore } from './rate-limit.store';
import { byBodyField, byClientIp, RateLimiter, RateLimitRule } from './rate-limiter';

class MovableClock extends Clock {
  at = new Date('2026-06-12T08:00:00Z');
  now() {
    return new Date(this.at);
  }
}

const request = (ip: string, body: unknown = {}, url = '/') => ({ ip, body, url }) as unknown as FastifyRequest;

describe('the rate limiter, on PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let clock: MovableClock;
  const limiter = (config: Partial<AppConfig> = {}) =>
    new RateLimiter(new PostgresRateLimitStore(ds), AppConfig.from({ ...loadConfig({ NODE_ENV: 'test' }), ...config }), clock, {
      register: () => undefined,
    } as unknown as JobRunner);

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase();
    ds = new DataSource(typeormOptions(db.url, 4));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.close();
  });
  beforeEach(() => {
    clock = new MovableClock();
  });

  it('allows the limit, refuses the next hit with the seconds left in the window, and starts again after it', async () => {
    const l = limiter();
    const rule = { name: 'test:window', limit: 3, windowSeconds: 60 };
    for (let i = 1; i <= 3; i++) expect(await l.hit(rule, 'awa')).toMatchObject({ allowed: true, hits: i });
    clock.at = new Date(clock.at.getTime() + 20_000);
    expect(await l.hit(rule, 'awa')).toMatchObject({ allowed: false, hits: 4, retryAfter: 40 });
    expect(await l.hit(rule, 'moussa')).toMatchObject({ allowed: true, hits: 1 });
    clock.at = new Date(clock.at.getTime() + 40_000);
    expect(await l.hit(rule, 'awa')).toMatchObject({ allowed: true, hits: 1 });
  });

  it('counts concurrent hits exactly once each (one atomic upsert, no read-then-write)', async () => {
    const l = limiter();
    const rule = { name: 'test:concurrent', limit: 100, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 40 }, () => l.hit(rule, 'same')));
    expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('refuses with RATE_LIMITED and the longest wait when any rule is over, counting every rule', async () => {
    const l = limiter();
    const rules: RateLimitRule[] = [
      { name: 'test:ip', limit: 5, windowSeconds: 600, subject: byClientIp },
      { name: 'test:account', limit: 2, windowSeconds: 60, subject: byBodyField('email') },
    ];
    await l.enforce(rules, request('10.0.0.1', { email: 'Awa@Example.org' }));
    await l.enforce(rules, request('10.0.0.1', { email: 'awa@example.org ' }));
    const refused = await l.enforce(rules, request('10.0.0.2', { email: 'AWA@example.org' })).catch((e: DomainError) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('RATE_LIMITED');
    expect((refused as DomainError).params.retryAfter).toBe(60);
    // Without an email in the body only the address is counted, and it is under its limit.
    await expect(l.enforce(rules, request('10.0.0.1', {}))).resolves.toBeUndefined();
  });

  it('counts an attempt before it runs, takes back a forgiven one, and refuses past the limit of the others', async () => {
    const l = limiter();
    const rule = { name: 'test:attempt', limit: 2, windowSeconds: 60 };
    // Forgiven attempts (the right password) never add up.
    for (let i = 0; i < 5; i++) await (await l.attempt(rule, 'awa 10.0.0.1')).forgive();
    await l.attempt(rule, 'awa 10.0.0.1');
    await l.attempt(rule, 'awa 10.0.0.1');
    await expect(l.attempt(rule, 'awa 10.0.0.1')).rejects.toMatchObject({ code: 'RATE_LIMITED', params: { retryAfter: 60 } });
    await expect(l.attempt(rule, 'awa 10.0.0.2')).resolves.toBeDefined();
    clock.at = new Date(clock.at.getTime() + 60_000);
    await expect(l.attempt(rule, 'awa 10.0.0.1')).resolves.toBeDefined();
  });

  it('logs a refusal with the path only, never the query string (tokens travel in some)', async () => {
    const lines: unknown[][] = [];
    Logger.overrideLogger({ log: () => undefined, error: () => undefined, warn: (...args: unknown[]) => lines.push(args) });
    try {
      const l = limiter();
      const rules: RateLimitRule[] = [{ name: 'test:logged', limit: 1, windowSeconds: 60, subject: byClientIp }];
      await l.enforce(rules, request('10.0.0.7', {}, '/auth/link?token=le-secret-du-lien'));
      await expect(l.enforce(rules, request('10.0.0.7', {}, '/auth/link?token=le-secret-du-lien'))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      const logged = JSON.stringify(lines);
      expect(logged).toContain('/auth/link');
      expect(logged).not.toContain('le-secret-du-lien');
    } finally {
      Logger.overrideLogger(false);
    }
  });

  it('does nothing when RATE_LIMITS=off', async () => {
    const l = limiter({ rateLimits: false });
    const rules: RateLimitRule[] = [{ name: 'test:off', limit: 1, windowSeconds: 60, subject: byClientIp }];
    for (let i = 0; i < 5; i++) await l.enforce(rules, request('10.0.0.9'));
    const rows = await ds.query<unknown[]>(`SELECT 1 FROM rate_limit_counters WHERE key LIKE 'test:off:%'`);
    expect(rows).toHaveLength(0);
  });

  it('stores no address or email in clear, and sweeps ended windows only', async () => {
    const l = limiter();
    await l.hit({ name: 'test:sweep', limit: 1, windowSeconds: 10 }, 'secret@example.org');
    await l.hit({ name: 'test:sweep', limit: 1, windowSeconds: 3600 }, 'other@example.org');
    const keys = (await ds.query<{ key: string }[]>(`SELECT key FROM rate_limit_counters WHERE key LIKE 'test:sweep:%'`)).map((r) => r.key);
    expect(keys).toHaveLength(2);
    expect(keys.join()).not.toContain('example.org');
    clock.at = new Date(clock.at.getTime() + 60_000);
    await new PostgresRateLimitStore(ds).sweep(clock.now(), 1000);
    expect(await ds.query<unknown[]>(`SELECT 1 FROM rate_limit_counters WHERE key LIKE 'test:sweep:%'`)).toHaveLength(1);
  });
});
