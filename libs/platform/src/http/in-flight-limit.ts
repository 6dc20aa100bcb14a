import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EventLoopUtilization, performance } from 'node:perf_hooks';
import { PlatformError } from '../errors/platform-errors';
import { sendProblem } from '../errors/problem.filter';

/** Probes and scraping must answer even when the process is full: they say how it is doing. */
const EXEMPT = /^\/(health|metrics)(\/|$|\?)/;

/** What a refused request is told: come back in a second. */
const REFUSED = () => new PlatformError('SERVICE_UNAVAILABLE', { retryAfter: 1 });

/** Requests one process serves at once, counted from their arrival to the end of their answer. */
export class InFlightLimit {
  private current = 0;

  constructor(readonly max: number) {}

  get inFlight(): number {
    return this.current;
  }

  /** Takes a place for the request, or answers false when every place is taken. */
  enter(): boolean {
    if (this.current >= this.max) return false;
    this.current++;
    return true;
  }

  leave(): void {
    this.current--;
  }
}

const SAMPLE_MS = 20;
/** The loop counts as saturated when it was busy this share of the last sample or more. */
const BUSY = 0.9;

/**
 * Whether the event loop is behind: busy all the time and late on its own timer by more than
 * `maxDelayMs`. When the process runs out of CPU (cached pages, rendering), requests queue in
 * the kernel's socket buffers before any hook sees them, so the in-flight count stays low while
 * every answer grows late: this is the signal for that case. Both conditions are asked, so a
 * process that is merely descheduled on a busy machine (late, but idle) refuses nothing.
 */
export class EventLoopPressure {
  private behindSamples = 0;
  private arrivals = 0;
  private timer?: NodeJS.Timeout;

  constructor(readonly maxDelayMs: number) {}

  /** Two samples in a row busy and late: a single long turn (a start-up, a collection) is no overload. */
  get behind(): boolean {
    return this.maxDelayMs > 0 && this.behindSamples >= 2;
  }

  /**
   * Counts a request in and says whether to refuse it: while the loop is behind, every request
   * but the first to arrive since the last sample. A request alone is never refused for the
   * loop's pressure: it is not the one queueing.
   */
  refuses(): boolean {
    this.arrivals++;
    return this.behind && this.arrivals > 1;
  }

  start(): void {
    if (this.maxDelayMs <= 0 || this.timer) return;
    let expected = performance.now() + SAMPLE_MS;
    let last: EventLoopUtilization = performance.eventLoopUtilization();
    this.timer = setInterval(() => {
      const now = performance.now();
      const late = now - expected;
      expected = now + SAMPLE_MS;
      const current = performance.eventLoopUtilization();
      const busy = performance.eventLoopUtilization(current, last).utilization >= BUSY;
      last = current;
      this.behindSamples = late > this.maxDelayMs && busy ? this.behindSamples + 1 : 0;
      this.arrivals = 0;
    }, SAMPLE_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

export interface OverloadLimits {
  /** Requests in flight at most (MAX_IN_FLIGHT). */
  maxInFlight: number;
  /** How late the busy event loop may run before requests are refused (MAX_EVENT_LOOP_DELAY_MS); 0: never. */
  maxEventLoopDelayMs: number;
}

/**
 * Answers a request at once, before it takes a place, when it can be answered without waiting
 * on anything (the response cache: servePublicCacheFirst); true when it did.
 */
export type AnswerAtOnce = (req: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * Overload protection: past `maxInFlight` requests in flight, or while the event loop is busy
 * and behind, a request is refused at once with a 503 problem and `Retry-After`, before
 * anything reads its body or the database. Queueing it would only make every request slower
 * (and end in the pool's own 503 after DATABASE_POOL_TIMEOUT_MS); refusing the excess keeps
 * the accepted ones near their usual latency. A request `answerAtOnce` answers takes no place:
 * its answer is written before the hook returns, and nothing waits on it but the CPU, which
 * the loop's pressure measures.
 */
export function limitInFlight(app: NestFastifyApplication, limits: OverloadLimits, answerAtOnce?: AnswerAtOnce): InFlightLimit {
  const limit = new InFlightLimit(limits.maxInFlight);
  const pressure = new EventLoopPressure(limits.maxEventLoopDelayMs);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onReady', async () => pressure.start());
  fastify.addHook('onClose', async () => pressure.stop());
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (EXEMPT.test(req.url)) return done();
    if (pressure.refuses()) return sendProblem(req, reply, REFUSED());
    if (answerAtOnce?.(req, reply)) return;
    if (!limit.enter()) return sendProblem(req, reply, REFUSED());
    // 'close' comes once the answer is written or the client went away, whichever is first.
    reply.raw.once('close', () => limit.leave());
    done();
  });
  return limit;
}
