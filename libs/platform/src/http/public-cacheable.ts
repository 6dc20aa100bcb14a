import { applyDecorators, Global, Injectable, Module, OnModuleInit, SetMetadata } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';
import { AUTH_METADATA } from '../auth/actor';
import { AppConfig } from '../config/app-config';
import { RATE_LIMIT_METADATA } from '../rate-limit/rate-limit.guard';
import type { AnswerAtOnce } from './in-flight-limit';
import { cachedAnswer, PUBLIC_CACHEABLE, ResponseCache } from './response-cache';

/**
 * Declares a public GET whose repeated requests may be answered from the response cache
 * before Nest runs (no guard, no pipe, no controller): see serveCached and cachedAnswer.
 * The declaration is checked when routes are registered: a route that needs a caller, a
 * guard or a rate limit, or that is not a GET, stops the app from starting.
 */
export const PublicCacheable = () => applyDecorators(SetMetadata(PUBLIC_CACHEABLE, true), RouteConfig({ [PUBLIC_CACHEABLE]: true }));

/** Metadata that means "something must run before this route answers". */
const RUNS_BEFORE_HANDLER: [string, string][] = [
  [AUTH_METADATA, '@Authenticated()'],
  [RATE_LIMIT_METADATA, '@RateLimit()'],
  [GUARDS_METADATA, '@UseGuards()'],
];

/** At start-up: no route declared @PublicCacheable() may depend on a guard the shortcut would skip. */
@Injectable()
export class PublicCacheableRoutes implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const refused: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (abstract new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        if (this.reflector.get<boolean | undefined>(PUBLIC_CACHEABLE, handler) !== true) continue;
        for (const [metadata, decorator] of RUNS_BEFORE_HANDLER) {
          if (this.reflector.getAllAndOverride<unknown>(metadata, [handler, controller]) !== undefined) {
            refused.push(`${controller.name}.${name} has ${decorator}`);
          }
        }
      }
    }
    if (refused.length > 0) {
      throw new Error(`@PublicCacheable() routes are answered before guards run, so they may not need one: ${refused.join('; ')}`);
    }
  }
}

/** The response cache, sized by the configuration, and the start-up check of its declared routes. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    { provide: ResponseCache, useFactory: (config: AppConfig) => new ResponseCache({ maxBytes: config.responseCacheBytes }), inject: [AppConfig] },
    PublicCacheableRoutes,
  ],
  exports: [ResponseCache],
})
export class PublicCacheModule {}

/**
 * The cache shortcut (cachedAnswer) for the routes declared @PublicCacheable(), to give to
 * limitInFlight; a declared route that is not a GET stops the app from starting. Call before
 * the app is initialised (routes are registered then).
 */
export function servePublicCacheFirst(app: NestFastifyApplication): AnswerAtOnce {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      if (route.config?.[PUBLIC_CACHEABLE] !== true) return;
      const methods = [route.method].flat();
      if (methods.some((m) => m !== 'GET' && m !== 'HEAD')) {
        throw new Error(`@PublicCacheable() on ${methods.join(',')} ${route.url}: only a GET may be answered from the cache`);
      }
    });
  return cachedAnswer(app.get(ResponseCache));
}
