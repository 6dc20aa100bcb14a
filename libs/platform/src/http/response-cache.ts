import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
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
  /**
   * false: answer this request with it but keep no copy (a page past the last: anyone can
   * number pages, so each would be a new entry). Such an answer is not compressed here either.
   */
  keep?: boolean;
}

export interface ResponseCacheOptions {
  /** What all entries may weigh together: bodies, their compressed copies, keys and headers. */
  maxBytes: number;
  /** How many request addresses may be remembered (see remember()). */
  maxAliases?: number;
}

interface Held {
  entry: CachedResponse;
  bytes: number;
  /** The request addresses remembered for this entry: they go with it. */
  aliases: Set<string>;
}

/** What an entry costs besides its bytes (the objects, the maps' slots). */
const ENTRY_OVERHEAD = 256;

/** A longer request address is never remembered: canonical addresses are short. */
const MAX_ALIAS_LENGTH = 300;

/**
 * Public reads that many people ask at once (the program, the event page, the exports) are
 * rendered once, compressed once (brotli at its best quality, gzip) and served from memory
 * with a strong ETag until they expire or a write invalidates them. A short TTL bounds how
 * stale another process can be; the process that writes invalidates at once. The cache
 * holds at most maxBytes and lets the least recently used entries go first.
 */
export class ResponseCache {
  private readonly logger = new Logger('ResponseCache');
  /** In order of use: the first is the least recently used. */
  private readonly entries = new Map<string, Held>();
  private readonly pending = new Map<string, Promise<CachedResponse>>();
  /** Request (locale and canonical URL) → the key a controller answered it from; see remember(). */
  private readonly aliases = new Map<string, string>();
  private readonly maxBytes: number;
  private readonly maxAliases: number;
  private bytes = 0;
  /** Bumped by invalidate(): a render started before it must not store what it read. */
  private generation = 0;
  /** The key last stored or used: the last in `entries`, the most recently used. */
  private lastTouched?: string;

  constructor(options: ResponseCacheOptions) {
    this.maxBytes = options.maxBytes;
    this.maxAliases = options.maxAliases ?? 10_000;
  }

  async get(key: string, ttlMs: number, render: () => Promise<RenderedResponse>): Promise<CachedResponse> {
    const held = this.touch(key);
    if (held && held.entry.expiresAt > Date.now()) return held.entry;
    // One render per key at a time, however many requests arrive together.
    const started = this.pending.get(key);
    const inflight = started ?? this.refresh(key, ttlMs, render);
    // Expired: serve the stale copy while it is rebuilt, so nobody waits on the database.
    if (held) {
      if (!started) inflight.catch((error: unknown) => this.refreshFailed(key, held, error));
      return held.entry;
    }
    return inflight;
  }

  /**
   * A stale copy stays while the database is away; but when the answer itself became a
   * refusal (an event unpublished or renamed by another process), the copy goes.
   */
  private refreshFailed(key: string, held: Held, error: unknown): void {
    const refused = error instanceof DomainError && error.definition.status < 500;
    if (refused && this.entries.get(key) === held) this.drop(key);
    this.logger.warn({ key, err: error, staleKept: !refused }, 'response cache: refresh failed');
  }

  private refresh(key: string, ttlMs: number, render: () => Promise<RenderedResponse>): Promise<CachedResponse> {
    const generation = this.generation;
    const p = this.build(render, ttlMs).then(
      ({ entry, keep }) => {
        this.pending.delete(key);
        if (keep && generation === this.generation) this.store(key, entry);
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

  private store(key: string, entry: CachedResponse): void {
    const bytes = ENTRY_OVERHEAD + 2 * key.length + entry.identity.length + (entry.br?.length ?? 0) + (entry.gzip?.length ?? 0) + headerBytes(entry.headers);
    const previous = this.entries.get(key);
    if (previous) {
      // Same key, new bytes: the request addresses that led to it still do.
      this.bytes -= previous.bytes;
      this.entries.delete(key);
    }
    if (bytes > this.maxBytes) {
      // Larger than the whole cache: served, never kept.
      if (previous) this.forgetAliases(previous);
      return;
    }
    this.entries.set(key, { entry, bytes, aliases: previous?.aliases ?? new Set() });
    this.lastTouched = key;
    this.bytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  /** The entry under key, marked as just used (already the last used, as for a page in demand, it stays where it is). */
  private touch(key: string): Held | undefined {
    const held = this.entries.get(key);
    if (held && key !== this.lastTouched) {
      this.entries.delete(key);
      this.entries.set(key, held);
      this.lastTouched = key;
    }
    return held;
  }

  private drop(key: string): void {
    const held = this.entries.get(key);
    if (!held) return;
    this.entries.delete(key);
    if (key === this.lastTouched) this.lastTouched = undefined;
    this.bytes -= held.bytes;
    this.forgetAliases(held);
  }

  private forgetAliases(held: Held): void {
    for (const alias of held.aliases) this.aliases.delete(alias);
    held.aliases.clear();
  }

  /** Drops every entry whose key starts with the prefix (e.g. `event:<id>:`). */
  invalidate(prefix: string): void {
    this.generation++;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.drop(key);
    for (const key of this.pending.keys()) if (key.startsWith(prefix)) this.pending.delete(key);
  }

  /**
   * Remembers that a request (see requestAlias) was answered from the entry under `key`, so
   * the same request can be answered again before it reaches its controller (see
   * cachedAnswer) while that entry is fresh. A controller works out a key from the
   * request (its query read against the data, the day of the week…); the alias lets the next
   * identical request skip that and the framework's per-request work. Only for the canonical
   * address of a route declared @PublicCacheable() (see serveCached), and only while the
   * entry is held: an alias goes with its entry.
   */
  remember(alias: string, key: string): void {
    const held = this.entries.get(key);
    if (!held || alias.length > MAX_ALIAS_LENGTH) return;
    const current = this.aliases.get(alias);
    if (current === key) return;
    if (current !== undefined) this.entries.get(current)?.aliases.delete(alias);
    else if (this.aliases.size >= this.maxAliases) this.forgetOldestAlias();
    this.aliases.set(alias, key);
    held.aliases.add(alias);
  }

  private forgetOldestAlias(): void {
    const [alias, key] = this.aliases.entries().next().value as [string, string];
    this.aliases.delete(alias);
    this.entries.get(key)?.aliases.delete(alias);
  }

  /**
   * The entry a request was last answered from, while it is fresh. Never a stale one: only
   * the controller refreshes an entry, and what it computes for a request may have changed
   * meanwhile (a release, a new day), so an expired alias sends the request the long way.
   */
  fresh(alias: string): CachedResponse | undefined {
    const key = this.aliases.get(alias);
    const held = key === undefined ? undefined : this.touch(key);
    return held && held.entry.expiresAt > Date.now() ? held.entry : undefined;
  }

  /** What the cache holds, for tests and metrics. */
  stats(): { entries: number; bytes: number; maxBytes: number; aliases: number } {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes, aliases: this.aliases.size };
  }

  private async build(render: () => Promise<RenderedResponse>, ttlMs: number): Promise<{ entry: CachedResponse; keep: boolean }> {
    const r = await render();
    const keep = r.keep !== false;
    const identity = Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, 'utf8');
    // Hex, so a tag never ends like the -br/-gzip marks of representationTag.
    const etag = `"${createHash('sha256').update(r.contentType).update(identity).digest('hex').slice(0, 32)}"`;
    const entry: CachedResponse = { contentType: r.contentType, etag, identity, headers: r.headers ?? {}, expiresAt: Date.now() + ttlMs };
    // An answer kept for one request is left to the compression plugin, at its cheaper setting.
    if (keep && identity.length >= 1024) {
      [entry.br, entry.gzip] = await Promise.all([
        brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
        gzip(identity, { level: 9 }),
      ]);
    }
    return { entry, keep };
  }
}

function headerBytes(headers: Record<string, string>): number {
  let n = 0;
  for (const [k, v] of Object.entries(headers)) n += k.length + v.length;
  return n;
}

/** What identifies a public read for the shortcut: its language and its URL (path and query). */
export function requestAlias(req: FastifyRequest): string {
  return `${resolveLocale(req)} ${req.url}`;
}

/** The mark @PublicCacheable() leaves on a route: Nest metadata, and Fastify's route config. */
export const PUBLIC_CACHEABLE = 'palabre:public-cacheable';

declare module 'fastify' {
  interface FastifyContextConfig {
    'palabre:public-cacheable'?: boolean;
  }
}

function declaredPublic(req: FastifyRequest): boolean {
  return req.routeOptions.config?.[PUBLIC_CACHEABLE] === true;
}

/**
 * Answers a public read from the cache and, on a route declared @PublicCacheable(), lets the
 * next identical request take the shortcut (cachedAnswer): the controller's side of
 * remember(). Only the canonical address is remembered: the path as the app writes it (no
 * escapes) with `canonicalQuery`, the query the controller would write for what it
 * understood (known parameters, in its order, defaults left out). A made-up parameter, or a
 * value the controller ignores, makes another address, which always goes the long way.
 */
export async function serveCached(
  cache: ResponseCache,
  req: FastifyRequest,
  reply: FastifyReply,
  key: string,
  ttlMs: number,
  render: () => Promise<RenderedResponse>,
  canonicalQuery = '',
): Promise<void> {
  const entry = await cache.get(key, ttlMs, render);
  const path = req.url.split('?')[0];
  const canonical = canonicalQuery ? `${path}?${canonicalQuery}` : path;
  if (req.url === canonical && !path.includes('%') && declaredPublic(req)) cache.remember(requestAlias(req), key);
  sendCached(req, reply, entry);
}

/** `?lang=` also sets the language cookie: such a request always goes to its controller. */
const LANG_CHOICE = /[?&]lang=/;

/**
 * Answers a GET the way its controller last did, while that answer is fresh: locale
 * resolution, one lookup, send; true when it did. It runs in an onRequest hook, before Nest's
 * guards and pipes (limitInFlight's answerAtOnce, after the cookies, the common headers and the
 * unreadable-input check), so it answers only routes declared @PublicCacheable().
 */
export function cachedAnswer(cache: ResponseCache): (req: FastifyRequest, reply: FastifyReply) => boolean {
  return (req, reply) => {
    if (req.method !== 'GET' || !declaredPublic(req) || req.url.length > MAX_ALIAS_LENGTH || LANG_CHOICE.test(req.url)) return false;
    const entry = cache.fresh(requestAlias(req));
    if (!entry) return false;
    sendCached(req, reply, entry);
    return true;
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
