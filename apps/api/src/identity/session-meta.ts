import type { FastifyRequest } from 'fastify';
import type { SessionMeta } from '@palabre/identity';

/** What a session remembers of the browser that opened it. */
export function sessionMeta(req: FastifyRequest): SessionMeta {
  const ua = req.headers['user-agent'];
  return { ip: req.ip, userAgent: typeof ua === 'string' ? ua : '' };
}
