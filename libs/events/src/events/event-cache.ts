/**
 * Keys of an event's public responses in the platform's ResponseCache all start with
 * `event:<slug>:`, so one invalidation after a write (an edit of the event, a release of its
 * program) drops every page, JSON answer and export of that event at once. Slugs never change.
 */
export function eventCacheKey(slug: string, part: string): string {
  return `event:${slug}:${part}`;
}

export function eventCachePrefix(slug: string): string {
  return `event:${slug}:`;
}

/** The public list of events (any page of it). */
export const EVENT_LIST_CACHE_PREFIX = 'api:events';
