import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents, ResponseCache } from '@palabre/platform';

/**
 * Answers that show the seats left or the registration window (the event page and JSON, the
 * lists of events) may lag this much behind another process's registrations: a seat taken is
 * not relayed between processes (a fact per registration), so such answers expire.
 */
export const PUBLIC_TTL_MS = 5_000;

/**
 * Answers that change only with the program or the event — a release, an edit — which every
 * process forgets as soon as that fact commits (in its own process, and in the others through
 * DomainEventsRelay). They expire only so the programme's default day (today, during the
 * forum) follows the clock.
 */
export const PROGRAM_TTL_MS = 60_000;

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
    // In every api process (DomainEventsRelay); facts missed while the relay was away: everything goes.
    const everywhere = { everyProcess: true, missed: () => this.cache.invalidate('') };
    this.events.on(
      'event.changed',
      ({ slug }) => {
        this.cache.invalidate(eventCachePrefix(slug));
        this.cache.invalidate(EVENT_LIST_CACHE_PREFIX);
      },
      everywhere,
    );
    this.events.on('program.released', ({ slug }) => this.cache.invalidate(eventCachePrefix(slug)), everywhere);
    // Only what shows the seats left: the program's pages and exports stay.
    this.events.on('registration.seats-changed', ({ slug }) => {
      for (const prefix of seatsShownIn(slug)) this.cache.invalidate(prefix);
    });
  }
}
