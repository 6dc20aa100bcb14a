import { Controller, Get, Module, Post, Req, Res, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated } from '../auth/actor';
import { loadConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { limitInFlight } from './in-flight-limit';
import { PublicCacheable, PublicCacheModule, servePublicCacheFirst } from './public-cacheable';
import { ResponseCache, serveCached } from './response-cache';

const calls = { declared: 0, undeclared: 0 };

@Controller()
class PagesController {
  constructor(private readonly cache: ResponseCache) {}

  @Get('declared')
  @PublicCacheable()
  async declared(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    calls.declared++;
    await serveCached(this.cache, req, reply, 'declared', 60_000, async () => ({ body: 'public', contentType: 'text/plain' }));
  }

  @Get('undeclared')
  async undeclared(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    calls.undeclared++;
    await serveCached(this.cache, req, reply, 'undeclared', 60_000, async () => ({ body: 'public', contentType: 'text/plain' }));
  }
}

async function start(controller: Type): Promise<NestFastifyApplication> {
  @Module({ imports: [ConfigModule.forRoot(loadConfig({ NODE_ENV: 'test', RESPONSE_CACHE_MB: '1' })), PublicCacheModule], controllers: [controller] })
  class TestModule {}
  const app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), { logger: false, abortOnError: false });
  limitInFlight(app, { maxInFlight: 100, maxEventLoopDelayMs: 0 }, servePublicCacheFirst(app));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** Only a route that declares itself publicly cacheable is ever answered before Nest's guards. */
describe('@PublicCacheable()', () => {
  let app: NestFastifyApplication;
  afterEach(() => app?.close());
  const get = (url: string) => app.getHttpAdapter().getInstance().inject({ method: 'GET', url });

  it('lets a declared route answer a repeated request before its controller, and only for its canonical address', async () => {
    app = await start(PagesController);
    calls.declared = 0;
    for (let i = 0; i < 3; i++) expect((await get('/declared')).body).toBe('public');
    expect(calls.declared).toBe(1);
    await get('/declared?utm_source=x');
    await get('/declared?utm_source=y');
    expect(calls.declared).toBe(3);
    expect(app.get(ResponseCache).stats().aliases).toBe(1);
  });

  it('never answers an undeclared route before its controller, even when it serves from the cache', async () => {
    app = await start(PagesController);
    calls.undeclared = 0;
    for (let i = 0; i < 3; i++) expect((await get('/undeclared')).body).toBe('public');
    expect(calls.undeclared).toBe(3);
    expect(app.get(ResponseCache).stats().aliases).toBe(0);
  });

  it.each<[string, Type]>([
    [
      'a route that needs a signed-in caller',
      (() => {
        @Controller()
        class C {
          @Get('mine') @PublicCacheable() @Authenticated('organization:read') mine() {}
        }
        return C;
      })(),
    ],
    [
      'a route whose controller needs a signed-in caller',
      (() => {
        @Controller()
        @Authenticated()
        class C {
          @Get('mine') @PublicCacheable() mine() {}
        }
        return C;
      })(),
    ],
    [
      'a rate-limited route',
      (() => {
        @Controller()
        class C {
          @Get('limited') @PublicCacheable() @RateLimit({ name: 'x', limit: 1, windowSeconds: 60, subject: () => 'x' }) limited() {}
        }
        return C;
      })(),
    ],
    [
      'a write',
      (() => {
        @Controller()
        class C {
          @Post('write') @PublicCacheable() write() {}
        }
        return C;
      })(),
    ],
  ])('refuses to start with %s declared publicly cacheable', async (_what, controller) => {
    await expect(start(controller)).rejects.toThrow(/PublicCacheable/);
  });
});
