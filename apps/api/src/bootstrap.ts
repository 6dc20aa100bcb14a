import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import { randomUUID } from 'node:crypto';
import * as zlib from 'node:zlib';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  clientErrorHandler,
  Clock,
  createPino,
  createValidationPipe,
  frameworkErrors,
  limitInFlight,
  MetricsService,
  PinoNestLogger,
  ProblemFilter,
  rejectUnreadableBody,
  requestLoggers,
  runMigrations,
  servePublicCacheFirst,
  unreadableRequestField,
  unreadableText,
  useStrictBodyParsers,
} from '@palabre/platform';
import { DemoSeeder } from '@palabre/demo';
import { AppModule } from './app.module';
import { CONTENT_SECURITY_POLICY } from './common/content-security-policy';
import { openApiDocument } from './openapi/openapi-document';
import { SMALL_BODY_ROUTES } from './registration/registrations-api.controller';
import { tokenPageHeaders } from './registration/registration-pages.controller';
import { usePhotoBodies } from './portal/photo-body';

export interface ApiOptions {
  config: AppConfig;
  databaseUrl: string;
  clock?: Clock;
  /** Other processes may use the database (a server): PlatformOptions.shared. */
  shared?: boolean;
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** Builds the api (not yet listening): Fastify, global pipe and filter, docs, hooks. */
export async function createApi(options: ApiOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  const pino = createPino(config, 'palabre-api');
  const adapter = new FastifyAdapter({
    // Tests close the app right after their last request: a keep-alive connection the client
    // still holds must not keep close() waiting. A server lets requests finish (main.ts bounds it).
    forceCloseConnections: config.env === 'test' ? true : 'idle',
    loggerInstance: pino,
    // No Nest middleware here (hooks and guards do that work): no middie hook on every request.
    skipMiddie: true,
    // One line per request (below, onResponse) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: requestLoggers,
    trustProxy: config.trustProxy ? config.trustProxy.split(',').map((s) => s.trim()) : false,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    // What the router and Node's parser refuse is answered as a problem document too.
    frameworkErrors,
    clientErrorHandler,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: new PinoNestLogger(pino),
    abortOnError: false,
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  useStrictBodyParsers(app);
  usePhotoBodies(app);

  const fastify = app.getHttpAdapter().getInstance();
  // A registration is a few hundred bytes: its routes refuse large bodies (413) before parsing them.
  fastify.addHook('onRoute', (route) => {
    if (SMALL_BODY_ROUTES.has(route.url)) route.bodyLimit = 16 * 1024;
  });
  // Every cookie the app sets (the session, the form token, the language) is HttpOnly, SameSite=Lax,
  // for the whole site, and Secure when browsers reach us over https, unless its setter says otherwise.
  await app.register(fastifyCookie as never, { parseOptions: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.overHttps() } });
  // Brotli's default quality (11) costs milliseconds per page; 4 compresses nearly as well, far faster.
  await app.register(fastifyCompress as never, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });

  const metrics = app.get(MetricsService);
  const logRequests = ['trace', 'debug', 'info'].includes(config.logLevel);
  // Every answer's headers: its id, and the security headers (once a browser has reached us over
  // https it refuses plain http to us for a year: no downgrade, no stripped cookies).
  const common: Record<string, string> = {
    ...(config.overHttps() ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  };
  // The front door, one synchronous hook for every request (each hook and each promise costs on a
  // cached page): the headers, the participant's token pages' own, and a NUL or bytes that are
  // not UTF-8 anywhere in the request (path, query, headers, cookies), a 400 before anything reads it.
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id).headers(common);
    tokenPageHeaders(req, reply);
    const unreadable = unreadableRequestField(req);
    done(unreadable === undefined ? undefined : unreadableText(unreadable));
  });
  // A repeated public read (a route declared @PublicCacheable()) is answered from the response
  // cache, while fresh, right here (locale, lookup, send: see ResponseCache.remember); no other
  // route can. Past MAX_IN_FLIGHT requests at once, or with the event loop busy and
  // MAX_EVENT_LOOP_DELAY_MS late, the next request is refused (503, Retry-After) before any work.
  limitInFlight(app, { maxInFlight: config.maxInFlight, maxEventLoopDelayMs: config.maxEventLoopDelayMs }, servePublicCacheFirst(app));
  fastify.addHook('preValidation', rejectUnreadableBody);
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions?.url ?? 'unmatched';
    metrics.httpDuration.observe(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
    // req.log carries the request id (reqId) on every line logged during the request; it is made
    // when first written to (requestLoggers): at LOG_LEVEL=warn (load tests) this path makes none.
    if (logRequests) req.log.info({ method: req.method, url: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    done();
  });

  // The same document `npm run openapi` writes to openapi.json (see openapi/openapi-document.ts).
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/** Migrates (under the advisory lock) and seeds the demo forum into an empty database. */
export async function prepareDatabase(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await runMigrations(app.get(DataSource));
  if (config.seedDemo) {
    const seeded = await app.get(DemoSeeder).seedIfEmpty();
    if (seeded) new Logger('Demo').log(`demo forum seeded: ${config.publicUrl}/`);
  }
}
