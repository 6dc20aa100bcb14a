import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A strong validator: the hash of the exact bytes. */
export function strongEtag(body: string): string {
  // Hex, so a tag never ends like the -br/-gzip marks below.
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 40)}"`;
}

const ENCODED = /-(br|gzip|deflate)"$/;

/**
 * If-None-Match (RFC 9110 §13.1.2): `*` or any listed tag, compared weakly as the RFC says.
 * A tag the compression hook marked with its encoding names the same bytes before encoding.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '').replace(ENCODED, '"');
  return header.split(',').some((t) => bare(t) === bare(etag));
}

/**
 * A strong ETag names exact bytes, so the compressed representation needs a tag of its own
 * (RFC 9110 §8.8.3): after compression, `"abc"` becomes `"abc-br"` or `"abc-gzip"`, as
 * Apache does. The compression plugin adds its onSend hook to each route as routes are
 * declared; this adds one after it, so it must be called after registering that plugin.
 */
export function tagCompressedRepresentations(fastify: { addHook(name: 'onRoute', hook: (route: { onSend?: unknown }) => void): unknown }): void {
  const tag = async (_req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const etag = reply.getHeader('etag');
    const encoding = reply.getHeader('content-encoding');
    if (typeof etag === 'string' && typeof encoding === 'string' && /^"[^"]*"$/.test(etag) && !ENCODED.test(etag)) {
      void reply.header('etag', `${etag.slice(0, -1)}-${encoding}"`);
    }
    return payload;
  };
  fastify.addHook('onRoute', (route) => {
    route.onSend = [...(Array.isArray(route.onSend) ? route.onSend : route.onSend ? [route.onSend] : []), tag];
  });
}

/**
 * Sends a generated document with a strong ETag, or 304 Not Modified with no body when the
 * client already holds those bytes. Exports change only with a release, so this saves
 * every calendar and app that polls them the whole download.
 */
export function sendWithEtag(
  req: FastifyRequest,
  reply: FastifyReply,
  doc: { body: string; contentType: string; filename?: string },
  cacheControl = 'public, max-age=300',
): void {
  const etag = strongEtag(doc.body);
  void reply.header('etag', etag).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  const ifNoneMatch = req.headers['if-none-match'];
  if (matchesIfNoneMatch(Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch, etag)) {
    void reply.status(304).send();
    return;
  }
  if (doc.filename) void reply.header('content-disposition', `inline; filename="${doc.filename.replace(/[^\w.-]/g, '_')}"`);
  void reply.status(200).header('content-type', doc.contentType).send(doc.body);
}
