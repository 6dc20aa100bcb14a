import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { resolveLocale } from '../i18n/locale';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export interface CachedResponse {
  contentType: string;
  etag: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  /** Extra headers sent with every copy (content-language, cache-control…). */
  headers: Record<string, string>;
  expiresAt: number;
}

export interface RenderedResponse {
  body: string | Buffer;
  contentType: string;
  headers?: Record<string, string>;
}

/**
 * Public reads that many people ask at once (the program, the event page, the exports) are
 * rendered once, compressed once (brotli at its best quality, gzip) and served from memory
 * with a strong ETag until they expire or a write invalidates them. A short TTL bounds how
 * stale another process can be; the process that writes invalidates at once.
 */
@Injectable()
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private readonly pending = new Map<string, Promise<CachedResponse>>();
  /** Request (locale and URL) → the key a controller answered it from; see remember(). */
  private readonly aliases = new Map<string, string>();
  private static readonly MAX_ENTRIES = 2_000;
  private static readonly MAX_ALIASES = 10_000;
  /** Bumped by invalidate(): a render started before it must not store what it read. */
  private generation = 0;

  async get(key: string, ttlMs: number, render: () => Promise<RenderedResponse>): Promise<CachedResponse> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit;
    // One render per key at a time, however many requests arrive together.
    const inflight = this.pending.get(key) ?? this.refresh(key, ttlMs, render);
    // Expired: serve the stale copy while it is rebuilt, so nobody waits on the database.
    if (hit) {
      inflight.catch(() => undefined);
      return hit;
    }
    return inflight;
  }

  private refresh(key: string, ttlMs: number, render: () => Promise<RenderedResponse>): Promise<CachedResponse> {
    const generation = this.generation;
    const p = this.build(render, ttlMs).then(
      (entry) => {
        this.pending.delete(key);
        if (generation !== this.generation) return entry;
        if (this.entries.size >= ResponseCache.MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
        this.entries.set(key, entry);
        return entry;
      },
      (error: unknown) => {
        this.pending.delete(key);
        throw error;
      },
    );
    this.pending.set(key, p);
    return p;
  }

  /** Drops every entry whose key starts with the prefix (e.g. `event:<id>:`). */
  invalidate(prefix: string): void {
    this.generation++;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
    for (const key of this.pending.keys()) if (key.startsWith(prefix)) this.pending.delete(key);
    for (const [alias, key] of this.aliases) if (key.startsWith(prefix)) this.aliases.delete(alias);
  }

  /**
   * Remembers that a request (see requestAlias) was answered from the entry under `key`, so
   * the same request can be answered again before it reaches its controller (see
   * cachedAnswerHook) while that entry is fresh. A controller works out a key from the
   * request (its query read against the data, the day of the week…); the alias lets the next
   * identical request skip that and the framework's per-request work. Only for public reads
   * that need no guard, since the shortcut runs before guards and pipes.
   */
  remember(alias: string, key: string): void {
    if (this.aliases.get(alias) === key) return;
    if (this.aliases.size >= ResponseCache.MAX_ALIASES) this.aliases.delete(this.aliases.keys().next().value as string);
    this.aliases.set(alias, key);
  }

  /**
   * The entry a request was last answered from, while it is fresh. Never a stale one: only
   * the controller refreshes an entry, and what it computes for a request may have changed
   * meanwhile (a release, a new day), so an expired alias sends the request the long way.
   */
  fresh(alias: string): CachedResponse | undefined {
    const key = this.aliases.get(alias);
    const entry = key === undefined ? undefined : this.entries.get(key);
    return entry && entry.expiresAt > Date.now() ? entry : undefined;
  }

  private async build(render: () => Promise<RenderedResponse>, ttlMs: number): Promise<CachedResponse> {
    const r = await render();
    const identity = Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, 'utf8');
    // Hex, so a tag never ends like the -br/-gzip marks of representationTag.
    const etag = `"${createHash('sha256').update(r.contentType).update(identity).digest('hex').slice(0, 32)}"`;
    const entry: CachedResponse = { contentType: r.contentType, etag, identity, headers: r.headers ?? {}, expiresAt: Date.now() + ttlMs };
    if (identity.length >= 1024) {
      [entry.br, entry.gzip] = await Promise.all([
        brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
        gzip(identity, { level: 9 }),
      ]);
    }
    return entry;
  }
}

/** What identifies a public read for the shortcut: its language and its URL (path and query). */
export function requestAlias(req: FastifyRequest): string {
  return `${resolveLocale(req)} ${req.url}`;
}

/**
 * Answers a public read from the cache and lets the next identical request take the
 * shortcut (cachedAnswerHook): the controller's side of remember().
 */
export async function serveCached(cache: ResponseCache, req: FastifyRequest, reply: FastifyReply, key: string, ttlMs: number, render: () => Promise<RenderedResponse>): Promise<void> {
  const entry = await cache.get(key, ttlMs, render);
  cache.remember(requestAlias(req), key);
  sendCached(req, reply, entry);
}

/** `?lang=` also sets the language cookie: such a request always goes to its controller. */
const LANG_CHOICE = /[?&]lang=/;

/**
 * An onRequest hook that answers a GET the way its controller last did, while that answer is
 * fresh: locale resolution, one lookup, send. Register it after the cookie parser and the
 * hooks that set common headers; anything it does not know goes on to routing as usual.
 */
export function cachedAnswerHook(cache: ResponseCache): onRequestHookHandler {
  return (req, reply, done) => {
    if (req.method === 'GET' && !LANG_CHOICE.test(req.url)) {
      const entry = cache.fresh(requestAlias(req));
      if (entry) {
        sendCached(req, reply, entry);
        return;
      }
    }
    done();
  };
}

const ENCODED = /-(br|gzip)"$/;

/**
 * The tag of one representation: a strong validator names exact bytes, so the brotli and
 * gzip copies get tags of their own (RFC 9110 §8.8.3), `"abc-br"` and `"abc-gzip"`, as Apache does.
 */
export function representationTag(etag: string, encoding?: 'br' | 'gzip'): string {
  return encoding ? `${etag.slice(0, -1)}-${encoding}"` : etag;
}

/**
 * If-None-Match (RFC 9110 §13.1.2): `*`, or any listed tag of the same bytes in any encoding,
 * compared weakly as the RFC says for this header.
 */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return false;
  if (value.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '').replace(ENCODED, '"');
  return value.split(',').some((t) => bare(t) === bare(etag));
}

/** Sends a cached response: 304 for a matching If-None-Match, else the best encoding the client takes. */
export function sendCached(req: FastifyRequest, reply: FastifyReply, entry: CachedResponse, status = 200): void {
  const accept = String(req.headers['accept-encoding'] ?? '');
  const encoding = entry.br && /\bbr\b/.test(accept) ? 'br' : entry.gzip && /\bgzip\b/.test(accept) ? 'gzip' : undefined;
  void reply.header('etag', representationTag(entry.etag, encoding)).header('vary', 'accept-encoding, accept-language, cookie');
  for (const [k, v] of Object.entries(entry.headers)) void reply.header(k, v);
  if (ifNoneMatchHits(req.headers['if-none-match'], entry.etag)) {
    void reply.status(304).send();
    return;
  }
  void reply.status(status).header('content-type', entry.contentType);
  if (encoding) {
    void reply.header('content-encoding', encoding).send(encoding === 'br' ? entry.br : entry.gzip);
  } else {
    void reply.send(entry.identity);
  }
}
