import type {} from '@fastify/cookie';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, PlatformError } from '@palabre/platform';
import { newSecret, sameSecret } from '../auth/secrets';
import { SESSION_ABSOLUTE_MS, StartedSession } from './sign-in-sessions.service';

/** Where a form's CSRF token may come from: the hidden `_csrf` field, or this header (JSON calls). */
export const CSRF_HEADER = 'x-csrf-token';

/** The token a request submits, from the header or the form body. */
export function submittedCsrf(req: FastifyRequest): string | undefined {
  const header = req.headers[CSRF_HEADER];
  if (typeof header === 'string' && header) return header;
  const body = req.body as Record<string, unknown> | undefined;
  const field = body && typeof body === 'object' ? body._csrf : undefined;
  return typeof field === 'string' && field ? field : undefined;
}

/**
 * The back-office cookies: the session (HttpOnly, SameSite=Lax, Secure in production or
 * behind https) and, for forms shown before sign-in, a double-submit CSRF cookie, so that
 * another site cannot sign a browser into an account of its choosing (login CSRF).
 */
@Injectable()
export class SessionCookies {
  readonly secure: boolean;
  readonly sessionName: string;
  readonly formName: string;

  constructor(config: AppConfig) {
    this.secure = config.overHttps();
    // __Host- cookies are refused by browsers unless Secure, path=/ and host-only: no subdomain can plant one.
    const prefix = this.secure ? '__Host-' : '';
    this.sessionName = `${prefix}palabre_session`;
    this.formName = `${prefix}palabre_form`;
  }

  private options(maxAgeSeconds: number) {
    return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: this.secure, maxAge: maxAgeSeconds };
  }

  readSession(req: FastifyRequest): string | undefined {
    return req.cookies?.[this.sessionName] || undefined;
  }

  setSession(reply: FastifyReply, session: StartedSession): void {
    void reply.setCookie(this.sessionName, session.secret, this.options(Math.floor(SESSION_ABSOLUTE_MS / 1000)));
  }

  clearSession(reply: FastifyReply): void {
    void reply.clearCookie(this.sessionName, { path: '/', secure: this.secure, sameSite: 'lax', httpOnly: true });
  }

  /** The token for a form shown before sign-in: the cookie's value, set now if the browser has none. */
  anonymousFormToken(req: FastifyRequest, reply: FastifyReply): string {
    const existing = req.cookies?.[this.formName];
    if (existing && /^[\w-]{43}$/.test(existing)) return existing;
    const token = newSecret();
    void reply.setCookie(this.formName, token, this.options(24 * 3600));
    // Later calls in this request (the page renders once) see the same token.
    (req.cookies ??= {})[this.formName] = token;
    return token;
  }

  /** Refuses a pre-sign-in form whose `_csrf` does not match the browser's cookie. */
  verifyAnonymousForm(req: FastifyRequest): void {
    const cookie = req.cookies?.[this.formName];
    const submitted = submittedCsrf(req);
    if (!cookie || !submitted || !sameSecret(cookie, submitted)) throw new PlatformError('CSRF_FAILED');
  }
}
