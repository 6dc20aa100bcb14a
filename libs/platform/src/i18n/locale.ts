export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** Text a user sees, in French (always) and English. */
export interface Localized {
  fr: string;
  en?: string;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks the text in the locale, falling back to French, then to any text there is. */
export function pick(text: Localized | null | undefined, locale: Locale): string {
  if (!text) return '';
  return (locale === 'en' ? text.en || text.fr : text.fr || text.en) ?? '';
}

/** A translator for one page or message: `t('Membres', 'Members')`. */
export function translator(locale: Locale): (fr: string, en: string) => string {
  return (fr, en) => pick({ fr, en }, locale);
}

/** Replaces {name} placeholders. Values are inserted as plain text: escaping is the view's job. */
export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function translate(text: Localized, locale: Locale, params?: Record<string, unknown>): string {
  return interpolate(pick(text, locale), params);
}

/**
 * What the Accept-Language headers seen lately resolved to: phones send a handful of distinct
 * values, read on every request (a page answered from the cache included), and parsing one
 * makes a dozen arrays. Bounded: short headers only, and forgotten all at once when full.
 */
const resolvedHeaders = new Map<string, Locale | null>();
const REMEMBERED_HEADERS = 256;
const REMEMBERED_HEADER_LENGTH = 200;

/** Parses an Accept-Language header and returns the best supported locale, if any. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const known = resolvedHeaders.get(header);
  if (known !== undefined) return known ?? undefined;
  const locale = parseAcceptLanguage(header);
  if (header.length <= REMEMBERED_HEADER_LENGTH) {
    if (resolvedHeaders.size >= REMEMBERED_HEADERS) resolvedHeaders.clear();
    resolvedHeaders.set(header, locale ?? null);
  }
  return locale;
}

function parseAcceptLanguage(header: string): Locale | undefined {
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((r) => r.lang && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.lang).find(isLocale);
}

export interface LocaleSource {
  query?: unknown;
  cookies?: Record<string, string | undefined>;
  headers: Record<string, string | string[] | undefined>;
}

/** The locale of a request: ?lang=, then the `lang` cookie, then Accept-Language, then French. */
export function resolveLocale(req: LocaleSource): Locale {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(q)) return q;
  const c = req.cookies?.lang;
  if (isLocale(c)) return c;
  const h = req.headers['accept-language'];
  return localeFromAcceptLanguage(Array.isArray(h) ? h[0] : h) ?? DEFAULT_LOCALE;
}
