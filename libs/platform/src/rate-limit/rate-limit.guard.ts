import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { RateLimiter, RateLimitRule } from './rate-limiter';

export const RATE_LIMIT_METADATA = 'palabre:rate-limit';

/** Declares the limits of a route: `@RateLimit(SIGN_IN_PER_IP, SIGN_IN_PER_ACCOUNT)`. */
export const RateLimit = (...rules: RateLimitRule[]) => SetMetadata(RATE_LIMIT_METADATA, rules);

/** Global guard: enforces a route's declared limits before anything else runs (hashing, queries). */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rules = this.reflector.getAllAndOverride<RateLimitRule[] | undefined>(RATE_LIMIT_METADATA, [context.getHandler(), context.getClass()]);
    if (rules?.length) await this.limiter.enforce(rules, context.switchToHttp().getRequest<FastifyRequest>());
    return true;
  }
}
