/** Public answers may lag this much behind a write made in another process (the writing process invalidates at once). */
export const PUBLIC_TTL_MS = 5_000;

/** Cache-Control of public answers: caches may keep them briefly and revalidate by ETag. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, must-revalidate';

export const JSON_TYPE = 'application/json; charset=utf-8';

export const HTML_TYPE = 'text/html; charset=utf-8';

/** Cache-Control of public pages: their language follows a cookie, so caches check back by ETag each time. */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
