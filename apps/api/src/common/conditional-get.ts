import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A strong validator: the hash of the exact bytes. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match (RFC 9110 §13.1.2): `*` or any listed tag, compared weakly as the RFC says. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => bare(t) === bare(etag));
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
