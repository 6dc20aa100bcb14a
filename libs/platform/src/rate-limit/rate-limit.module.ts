import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitCounter } from './rate-limit-counter.entity';
import { PostgresRateLimitStore, RateLimitStore } from './rate-limit.store';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimiter } from './rate-limiter';

/** The limiter, its PostgreSQL counters and the global guard that reads `@RateLimit(...)`. */
@Module({
  imports: [TypeOrmModule.forFeature([RateLimitCounter])],
  providers: [{ provide: RateLimitStore, useClass: PostgresRateLimitStore }, RateLimiter, RateLimitGuard, { provide: APP_GUARD, useExisting: RateLimitGuard }],
  exports: [RateLimiter, RateLimitStore],
})
export class RateLimitModule {}
