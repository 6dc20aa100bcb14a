import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, ActorMembership, DomainError, FieldError, Locale, PlatformError, ProblemDocument, toProblem } from '@palabre/platform';
import { pageContext } from '../home/page-context';
import { withFormFields } from '../program-admin/form-values';

/** What every back-office page knows: who, in which organization, in which language, and the form token. */
export interface AdminContext {
  locale: Locale;
  /** The page's own GET path (with its query), for the language switch. */
  path: string;
  actor: Actor;
  /** The session's synchronizer token, for every form's hidden `_csrf` field. */
  csrf: string;
  /** The organization the page is about, when it is about one. */
  organization?: ActorMembership;
}

/** The context of a back-office page about no organization (the chooser, the account); `path` is the GET page's after a POST. */
export function adminContext(req: FastifyRequest, reply: FastifyReply, actor: Actor, path?: string): AdminContext {
  const { locale, path: requested } = pageContext(req, reply);
  return { locale, path: path ?? requested, actor, csrf: actor.csrfToken ?? '' };
}

/**
 * `adminContext` of a signed-in page (`@Authenticated()`), as a parameter: `@AdminPage() ctx`,
 * its actor in `ctx.actor`; on a POST that renders the page again, `page` is the GET page's path.
 */
export const AdminPage = createParamDecorator((page: string | undefined, ctx: ExecutionContext): AdminContext => {
  const http = ctx.switchToHttp();
  const req = http.getRequest<FastifyRequest & { actor?: Actor }>();
  if (!req.actor) throw new PlatformError('UNAUTHENTICATED');
  return adminContext(req, http.getResponse<FastifyReply>(), req.actor, page);
});

/** Back-office pages are personal: never cached, not even by the back button after sign-out. */
export function sendAdminHtml(reply: FastifyReply, html: string, locale: Locale, status = 200): void {
  void reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', locale)
    .header('cache-control', 'no-store')
    .send(html);
}

/** Redirect-after-post: the browser GETs the next page, so a reload does not post again. */
export function seeOther(reply: FastifyReply, location: string): void {
  void reply.status(303).header('location', location).header('cache-control', 'no-store').send();
}

/** Where a sign-in may send the browser: the organizers' and the speakers' spaces only, never another site. */
export function safeNext(next: unknown): string | undefined {
  return typeof next === 'string' && /^\/(admin|intervenant)([/?][\w\-./?=&%]*)?$/.test(next) && !next.includes('//') ? next : undefined;
}

/** Codes a form shows beside its fields; the others (404, 403, CSRF, 429, 5xx) get the error page. */
const NOT_FORM_PROBLEMS = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CSRF_FAILED', 'RATE_LIMITED', 'INTERNAL', 'SERVICE_UNAVAILABLE']);

/**
 * A service's refusal, as the form shows it (title, detail, field errors), or the error
 * itself rethrown when it is not about what the person typed.
 */
export function formProblem(error: unknown, locale: Locale): ProblemDocument {
  if (error instanceof DomainError && error.definition.status < 500 && !NOT_FORM_PROBLEMS.has(error.code)) return toProblem(error, locale);
  throw error;
}

/** A form's own validation errors, as the form shows them. */
export function validationProblem(errors: FieldError[], locale: Locale): ProblemDocument {
  return toProblem(new PlatformError('VALIDATION_FAILED', {}, errors), locale);
}

/**
 * One write of a back-office form, the one way pages do it: `work` does it and answers where to
 * go next (303 there). Refused for what the person typed, the page `again` renders with the
 * problem is sent in the problem's status, its field errors renamed to the form's inputs by
 * `problemField`; any other error goes on to the error page.
 */
export async function submitForm(
  reply: FastifyReply,
  locale: Locale,
  work: () => Promise<string>,
  again: (problem: ProblemDocument) => string | Promise<string>,
  problemField?: (field: string) => string,
): Promise<void> {
  let next: string;
  try {
    next = await work();
  } catch (error) {
    const found = formProblem(error, locale);
    const problem = problemField ? withFormFields(found, problemField) : found;
    return sendAdminHtml(reply, await again(problem), locale, problem.status);
  }
  seeOther(reply, next);
}
