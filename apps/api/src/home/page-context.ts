import type { FastifyReply, FastifyRequest } from 'fastify';
import { Locale, resolveLocale } from '@palabre/platform';

export interface PageContext {
  locale: Locale;
  /** Path and query, for the language switch. */
  path: string;
}

/** The locale of a page request; a ?lang= choice is remembered in a cookie. */
export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  const locale = resolveLocale(req);
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === locale) {
    void reply.setCookie('lang', locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
  }
  return { locale, path: req.url };
}

export function sendHtml(reply: FastifyReply, html: string, locale: Locale, status = 200): void {
  void reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', locale)
    .header('vary', 'accept-language, cookie')
    .send(html);
}
