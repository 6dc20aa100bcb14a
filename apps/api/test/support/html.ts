import { createHash } from 'node:crypto';
import * as http from 'node:http';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: '\u00a0' };

/** Text as a reader sees it: entities decoded. */
export function decode(html: string): string {
  return html.replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#') && !(name in ENTITIES)) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** The visible text of a page (tags, styles and hidden frames dropped, spaces collapsed). */
export function pageText(html: string): string {
  return decode(
    html
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      // Inline elements run on with their neighbours; any other tag separates words.
      .replace(/<\/?(a|span|strong|em|time|b|i)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  ).trim();
}

/** Titles of the sessions a program page lists (each is a heading with a link). */
export function sessionTitles(html: string): string[] {
  return [...html.matchAll(/<h3><a href="[^"]*">([^<]*)<\/a><\/h3>/g)].map((m) => decode(m[1]));
}

/** The page's inline style block and whether the CSP header allows it by its hash. */
export function styleAllowedByCsp(html: string, csp: string | null): { css: string | undefined; allowed: boolean } {
  const css = /<style>([^<]*)<\/style>/.exec(html)?.[1];
  if (!css) return { css, allowed: false };
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return { css, allowed: !!csp && csp.includes(`'sha256-${hash}'`) };
}

/** A GET that keeps the bytes as sent (fetch() would decompress them). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/**
 * The weekday a reader sees for an instant in the event's time zone ("lundi", "Monday"),
 * worked out from the data rather than written in the test, so no test depends on the day
 * it runs (the demo forum is seeded four weeks after the suite's clock).
 */
export function weekday(iso: string | Date, locale: 'fr' | 'en', timeZone = 'Africa/Bamako'): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'long', timeZone }).format(new Date(iso));
}
