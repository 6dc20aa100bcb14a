import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { Clock } from '../clock';
import { PlatformError } from '../errors/platform-errors';
import { withoutQuery } from '../http/without-query';
import { JobRunner } from '../jobs/job-runner';
import { addressGroup } from './client-address';
import { RateLimitStore } from './rate-limit.store';

/** How many hits one subject (an address, an account) may make in a window. */
export interface RateLimitRule {
  /** The counter's family. Routes that guard the same thing share it (the sign-in page and the token route). */
  name: string;
  limit: number;
  windowSeconds: number;
  /** What is counted for this request; undefined skips the rule (e.g. no email in the body). */
  subject: (req: FastifyRequest) => string | undefined;
}

/** A rule counted by hand, for attempts whose outcome decides whether they count (a password check). */
export type AttemptRule = Omit<RateLimitRule, 'subject'>;

/** An attempt counted before its outcome is known. */
export interface CountedAttempt {
  /** Takes the attempt back: it turned out harmless (the right password). */
  forgive(): Promise<void>;
}

const NOTHING_TO_FORGIVE: CountedAttempt = { forgive: async () => undefined };

export interface RateLimitDecision {
  rule: string;
  allowed: boolean;
  hits: number;
  limit: number;
  /** Seconds until the window ends. */
  retryAfter: number;
}

/** The client's address, an IPv6 one by its /64 (Fastify believes X-Forwarded-For only from TRUST_PROXY). */
export const byClientIp = (req: FastifyRequest): string | undefined => (req.ip ? addressGroup(req.ip) : undefined);

/** A field of the (JSON or form) body, trimmed and lower-cased: the account an attempt targets. */
export const byBodyField =
  (field: string) =>
  (req: FastifyRequest): string | undefined => {
    const body = req.body as Record<string, unknown> | undefined;
    const value = body && typeof body === 'object' ? body[field] : undefined;
    return typeof value === 'string' && value.trim() ? value.trim().toLowerCase().slice(0, 320) : undefined;
  };

/**
 * Counts hits against rules in a store every process shares (PostgreSQL), and refuses with
 * RATE_LIMITED (429 + Retry-After) past the limit. `RATE_LIMITS=off` turns it off.
 */
@Injectable()
export class RateLimiter implements OnModuleInit {
  private readonly logger = new Logger('RateLimiter');

  constructor(
    private readonly store: RateLimitStore,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly jobs: JobRunner,
  ) {}

  get enabled(): boolean {
    return this.config.rateLimits;
  }

  onModuleInit(): void {
    this.jobs.register({ name: 'rate-limit-sweep', intervalMs: 10 * 60_000, tick: () => this.store.sweep(this.clock.now(), 1000) });
  }

  /** Counts one hit of `subject` under `rule`. */
  async hit(rule: AttemptRule, subject: string): Promise<RateLimitDecision> {
    const now = this.clock.now();
    const key = counterKey(rule, subject);
    const state = await this.store.hit(key, rule.windowSeconds * 1000, now);
    return {
      rule: rule.name,
      allowed: state.hits <= rule.limit,
      hits: state.hits,
      limit: rule.limit,
      retryAfter: Math.max(1, Math.ceil((state.resetAt.getTime() - now.getTime()) / 1000)),
    };
  }

  /**
   * Counts an attempt of `subject` before it runs, and refuses with RATE_LIMITED when the rule
   * is over its limit. The caller forgives the attempt once it turns out harmless, so only
   * failures add up — yet concurrent guesses are each counted before any of them is checked.
   */
  async attempt(rule: AttemptRule, subject: string, context: Record<string, unknown> = {}): Promise<CountedAttempt> {
    if (!this.enabled) return NOTHING_TO_FORGIVE;
    const decision = await this.hit(rule, subject);
    if (!decision.allowed) {
      this.logger.warn({ rules: [rule.name], ...context }, 'rate limited');
      throw new PlatformError('RATE_LIMITED', { retryAfter: decision.retryAfter });
    }
    const key = counterKey(rule, subject);
    return { forgive: () => this.store.forgive(key, this.clock.now()) };
  }

  /**
   * Counts the request under every rule (each hit counts, even when another rule already
   * refuses) and throws RATE_LIMITED with the longest wait when any is over its limit.
   */
  async enforce(rules: readonly RateLimitRule[], req: FastifyRequest): Promise<void> {
    if (!this.enabled) return;
    const decisions: RateLimitDecision[] = [];
    for (const rule of rules) {
      const subject = rule.subject(req);
      if (subject !== undefined) decisions.push(await this.hit(rule, subject));
    }
    const refused = decisions.filter((d) => !d.allowed);
    if (refused.length > 0) {
      const retryAfter = Math.max(...refused.map((d) => d.retryAfter));
      // The path only: tokens travel in some query strings.
      this.logger.warn({ rules: refused.map((d) => d.rule), ip: req.ip, url: withoutQuery(req.url) }, 'rate limited');
      throw new PlatformError('RATE_LIMITED', { retryAfter });
    }
  }
}

/** `<rule>:<hash of the subject>`: no address or email is stored in clear. */
function counterKey(rule: AttemptRule, subject: string): string {
  return `${rule.name}:${createHash('sha256').update(subject).digest('hex').slice(0, 32)}`;
}
