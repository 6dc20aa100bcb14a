import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/**
 * Overload protection: past `max` requests in flight, a request is refused at once with a 503
 * problem and `Retry-After`, before anything reads its body or the database. Queueing it would
 * only make every request slower (and end in the pool's own 503 after DATABASE_POOL_TIMEOUT_MS);
 * refusing the excess keeps the accepted ones at their usual latency.
 */
export function limitInFlight(app: NestFastifyApplication, max: number): InFlightLimit {
  const limit = new InFlightLimit(max);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (EXEMPT.test(req.url)) return done();
    if (!limit.enter()) {
      sendProblem(req, reply, REFUSED());
      return;
    }
    // 'close' comes once the answer is written or the client went away, whichever is first.
    reply.raw.once('close', () => limit.leave());
    done();
  });
  return limit;
}
