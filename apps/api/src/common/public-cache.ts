import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents, ResponseCache } from '@palabre/platform';

/** Public answers may lag this much behind a write made in another process (the writing process forgets them at once). */
export const PUBLIC_TTL_MS = 5_000;

/** Cache-Control of public answers: caches may keep them briefly and revalidate by ETag. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, must-revalidate';

export const JSON_TYPE = 'application/json; charset=utf-8';

export const HTML_TYPE = 'text/html; charset=utf-8';

/** Cache-Control of public pages: their language follows a cookie, so caches check back by ETag each time. */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/**
 * Keys of an event's public answers all start with `event:<slug>:`, so one invalidation after
 * a change (an edit of the event, a release of its program) drops every page, JSON answer and
 * export of that event at once. Slugs never change.
 */
export function eventCacheKey(slug: string, part: string): string {
  return `${eventCachePrefix(slug)}${part}`;
}

function eventCachePrefix(slug: string): string {
  return `event:${slug}:`;
}

/** The event page in one language: it shows the seats left. */
export const eventPageKey = (slug: string, locale: string) => eventCacheKey(slug, `page:event:${locale}`);

/** `GET /api/v1/events/{slug}`: it shows the seats left. */
export const eventJsonKey = (slug: string) => eventCacheKey(slug, 'api');

/** The keys (prefixes) of an event's answers that show its seats left, forgotten when a seat is taken or given back. */
const seatsShownIn = (slug: string) => [eventPageKey(slug, ''), eventJsonKey(slug)];

/** The public list of events (any page of it). */
export const EVENT_LIST_CACHE_PREFIX = 'api:events';

/**
 * The response cache forgets what the domain says has changed, once the change has committed:
 * the contexts announce facts (DomainEvents) and know nothing of HTTP caching.
 */
@Injectable()
export class PublicCacheInvalidation implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly cache: ResponseCache,
  ) {}

  onModuleInit(): void {
    this.events.on('event.changed', ({ slug }) => {
      this.cache.invalidate(eventCachePrefix(slug));
      this.cache.invalidate(EVENT_LIST_CACHE_PREFIX);
    });
    this.events.on('program.released', ({ slug }) => this.cache.invalidate(eventCachePrefix(slug)));
    // Only what shows the seats left: the program's pages and exports stay.
    this.events.on('registration.seats-changed', ({ slug }) => {
      for (const prefix of seatsShownIn(slug)) this.cache.invalidate(prefix);
    });
  }
}
