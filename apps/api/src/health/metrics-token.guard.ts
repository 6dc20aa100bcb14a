import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig, PlatformError } from '@palabre/platform';

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/**
 * `/metrics` behind METRICS_TOKEN when it is set: no token is a 401, another one a 403 (an
 * organizer's API token too: metrics are for the scraper, not for accounts). Unset, the route
 * stays open, for a scraper on a private network.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.metricsToken;
    if (!expected) return true;
    const http = context.switchToHttp();
    const header = http.getRequest<FastifyRequest>().headers.authorization;
    const given = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    if (!given) {
      void http.getResponse<FastifyReply>().header('www-authenticate', 'Bearer');
      throw new PlatformError('UNAUTHENTICATED');
    }
    // Compared as hashes: equal lengths, constant time, whatever was sent.
    if (!timingSafeEqual(sha256(given), sha256(expected))) throw new PlatformError('FORBIDDEN');
    return true;
  }
}
