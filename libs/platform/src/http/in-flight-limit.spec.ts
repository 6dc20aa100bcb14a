import { Controller, Get, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@palabre/testing';
import { typeormOptions } from '../database/typeorm-options';
import { asDomainError, ProblemFilter } from '../errors/problem.filter';
import { EventLoopPressure, InFlightLimit, limitInFlight } from './in-flight-limit';

/** The slow requests wait here until the test lets them go. */
let release: () => void = () => undefined;
let gate = Promise.resolve();
function closeGate(): void {
  gate = new Promise<void>((r) => (release = r));
}

@Controller()
class SlowController {
  @Get('slow')
  async slow() {
    await gate;
    return { done: true };
  }

  @Get('health/ready')
  ready() {
    return { status: 'ok' };
  }
}

@Module({ controllers: [SlowController] })
class SlowModule {}

describe('the in-flight limit', () => {
  let app: NestFastifyApplication;
  let limit: InFlightLimit;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(SlowModule, new FastifyAdapter({ forceCloseConnections: true }), {
      logger: false,
      abortOnError: false,
    });
    app.useGlobalFilters(new ProblemFilter());
    // What the response cache does for a hit: the answer written at once, in the hook.
    const answerAtOnce = (req: { url: string }, reply: { send: (body: unknown) => unknown }) =>
      req.url === '/slow?cached' && (reply.send({ cached: true }), true);
    limit = limitInFlight(app, { maxInFlight: 3, maxEventLoopDelayMs: 0 }, answerAtOnce);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await app.getUrl();
  });
  afterAll(() => app?.close());

  it('refuses the requests past the limit at once with a 503 problem and Retry-After, and serves the others', async () => {
    closeGate();
    const slow = Array.from({ length: 3 }, () => fetch(`${base}/slow`));
    while (limit.inFlight < 3) await new Promise((r) => setTimeout(r, 5));

    const started = Date.now();
    const excess = await Promise.all(Array.from({ length: 4 }, () => fetch(`${base}/slow`, { headers: { 'accept-language': 'en' } })));
    expect(Date.now() - started).toBeLessThan(1000);
    for (const res of excess) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    }
    // The probes answer while the process is full, and so does what is answered at once: it takes no place.
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    const cached = await fetch(`${base}/slow?cached`);
    expect([cached.status, await cached.json()]).toEqual([200, { cached: true }]);
    expect(limit.inFlight).toBe(3);

    release();
    for (const res of await Promise.all(slow)) expect(res.status).toBe(200);
  });

  it('gives the places back once the answers are written, and when a client goes away', async () => {
    closeGate();
    const aborted = new AbortController();
    const gone = fetch(`${base}/slow`, { signal: aborted.signal }).catch(() => 'aborted');
    while (limit.inFlight < 1) await new Promise((r) => setTimeout(r, 5));
    aborted.abort();
    expect(await gone).toBe('aborted');
    while (limit.inFlight > 0) await new Promise((r) => setTimeout(r, 5));
    release();
    const again = await Promise.all(Array.from({ length: 3 }, () => fetch(`${base}/slow`)));
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(limit.inFlight).toBe(0);
  });
});

/** Keeps the loop busy for `ms`, then lets the timers run. */
async function busyTurn(ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (performance.now() < until) Math.sqrt(Math.random());
  await new Promise((r) => setTimeout(r, 0));
}

describe('the event loop pressure', () => {
  it('says the loop is behind only while it is busy and late, and never when switched off', async () => {
    const pressure = new EventLoopPressure(30);
    const off = new EventLoopPressure(0);
    pressure.start();
    off.start();
    try {
      await new Promise((r) => setTimeout(r, 60));
      // One long turn is no overload.
      await busyTurn(80);
      expect(pressure.behind).toBe(false);
      // Turn after long turn, as when every request renders: the samples see it.
      for (let i = 0; i < 3; i++) await busyTurn(80);
      expect(pressure.behind).toBe(true);
      expect(off.behind).toBe(false);
      // While behind, the first request to arrive since the last sample is served, the next ones refused.
      expect(pressure.refuses()).toBe(false);
      expect(pressure.refuses()).toBe(true);
      expect(off.refuses()).toBe(false);
      expect(off.refuses()).toBe(false);
      // Idle again: the next samples are on time.
      await new Promise((r) => setTimeout(r, 100));
      expect(pressure.behind).toBe(false);
    } finally {
      pressure.stop();
      off.stop();
    }
  });
});

describe('the wait for a database connection', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase();
    ds = new DataSource(typeormOptions(db.url, 1, 1000));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.close();
  });

  it('is bounded: with every connection taken, a query fails after the pool timeout and is answered 503', async () => {
    const holder = ds.createQueryRunner();
    await holder.connect();
    try {
      const started = Date.now();
      const error = await ds.query('SELECT 1').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(error).toBeInstanceOf(Error);
      expect(asDomainError(error).code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await holder.release();
    }
    expect(await ds.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
