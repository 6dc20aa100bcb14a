import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { withoutQuery } from '../http/without-query';
import { resolveLocale } from '../i18n/locale';
import { renderErrorPage } from '../views/error-page';
import { DomainError } from './domain-error';
import { PlatformError } from './platform-errors';
import { toProblem } from './problem';

const FASTIFY_CODES: Record<string, () => DomainError> = {
  FST_ERR_CTP_INVALID_JSON: () => new PlatformError('MALFORMED_BODY', {}, [{ field: 'body', message: { fr: 'JSON invalide.', en: 'Invalid JSON.' } }]),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new PlatformError('MALFORMED_BODY', {}, [{ field: 'body', message: { fr: 'Le corps est vide.', en: 'The body is empty.' } }]),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new PlatformError('MALFORMED_BODY'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new PlatformError('PAYLOAD_TOO_LARGE'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new PlatformError('UNSUPPORTED_MEDIA_TYPE'),
  FST_ERR_CTP_INVALID_TYPE: () => new PlatformError('UNSUPPORTED_MEDIA_TYPE'),
};

const STATUS_CODES: Record<number, () => DomainError> = {
  400: () => new PlatformError('VALIDATION_FAILED'),
  401: () => new PlatformError('UNAUTHENTICATED'),
  403: () => new PlatformError('FORBIDDEN'),
  404: () => new PlatformError('NOT_FOUND'),
  405: () => new PlatformError('METHOD_NOT_ALLOWED'),
  413: () => new PlatformError('PAYLOAD_TOO_LARGE'),
  415: () => new PlatformError('UNSUPPORTED_MEDIA_TYPE'),
  429: () => new PlatformError('RATE_LIMITED', { retryAfter: 60 }),
  503: () => new PlatformError('SERVICE_UNAVAILABLE'),
};

/** Errors that mean "the database is not there right now": answer 503 and let the client retry. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: string; driverError?: unknown };
  if (e.driverError && isDatabaseUnavailable(e.driverError)) return true;
  if (e.code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300', '08006', '08001', '08003', '08004'].includes(e.code))
    return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery mode)/i.test(
    e.message,
  );
}

/** Turns anything thrown into a domain error; unknown errors become INTERNAL. */
export function asDomainError(exception: unknown): DomainError {
  if (exception instanceof DomainError) return exception;
  if (isDatabaseUnavailable(exception)) return new PlatformError('SERVICE_UNAVAILABLE');
  const e = exception as { code?: unknown; statusCode?: unknown };
  if (typeof e?.code === 'string' && FASTIFY_CODES[e.code]) return FASTIFY_CODES[e.code]();
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Nest turns Fastify's body-parser errors into plain HttpExceptions; their message tells which.
    if (status === 400 && /not valid JSON/i.test(exception.message)) return FASTIFY_CODES.FST_ERR_CTP_INVALID_JSON();
    if (status === 400 && /Body cannot be empty/i.test(exception.message)) return FASTIFY_CODES.FST_ERR_CTP_EMPTY_JSON_BODY();
    return (STATUS_CODES[status] ?? (() => new PlatformError(status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED')))();
  }
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return (STATUS_CODES[e.statusCode] ?? (() => new PlatformError('VALIDATION_FAILED')))();
  }
  return new PlatformError('INTERNAL');
}

/** Is this request a page (HTML) rather than an API call? */
export function wantsHtml(req: FastifyRequest): boolean {
  const url = req.url ?? '';
  if (/^\/(api|health|metrics)(\/|$|\?)/.test(url)) return false;
  return String(req.headers.accept ?? '').includes('text/html');
}

/**
 * Sends a domain error as the request asked: an RFC 9457 problem document for the API, an
 * error page for browsers, in the request's locale. Also used where Fastify answers before
 * Nest (see framework-errors.ts).
 */
export function sendProblem(req: FastifyRequest, reply: FastifyReply, error: DomainError): void {
  const status = error.definition.status;
  const locale = resolveLocale(req);
  const problem = toProblem(error, locale, withoutQuery(req.url), req.id);
  if (status === 503) void reply.header('retry-after', '5');
  // A 429, or a 409 that asks to come back (a request with the same Idempotency-Key still in flight).
  if (typeof error.params.retryAfter === 'number') void reply.header('retry-after', String(error.params.retryAfter));
  if (wantsHtml(req)) {
    void reply.status(status).header('content-type', 'text/html; charset=utf-8').header('content-language', locale).send(renderErrorPage(problem, locale));
    return;
  }
  void reply.status(status).header('content-type', 'application/problem+json; charset=utf-8').header('content-language', locale).send(JSON.stringify(problem));
}

/**
 * The one place errors become HTTP: RFC 9457 problem documents for the API, an error
 * page for browsers. Messages follow the request's locale.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const error = asDomainError(exception);
    const status = error.definition.status;
    if (status >= 500 && error.code === 'INTERNAL') {
      // The path only, here and below: tokens travel in some query strings.
      this.logger.error({ err: exception, requestId: req.id, url: withoutQuery(req.url) }, 'unhandled error');
    } else if (status === 503) {
      this.logger.warn({ requestId: req.id, url: withoutQuery(req.url), reason: (exception as Error)?.message }, 'service unavailable');
    }
    if (reply.sent) return;
    sendProblem(req, reply, error);
  }
}
