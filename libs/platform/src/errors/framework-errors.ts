import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from '../i18n/locale';
import { unreadableText } from '../http/unreadable-input';
import { DomainError } from './domain-error';
import { PlatformError } from './platform-errors';
import { toProblem } from './problem';
import { asDomainError, sendProblem } from './problem.filter';

/**
 * Fastify's `frameworkErrors`: what its router refuses before any hook or Nest sees the
 * request (left alone, a bare JSON body that is not a problem document).
 */
export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  // The path's escapes are not UTF-8 (`%C3%28`, `%FF`): the router cannot tell which parameter.
  if (error.code === 'FST_ERR_BAD_URL') return sendProblem(req, reply, unreadableText('path'));
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(req, reply, new PlatformError('URI_TOO_LONG'));
  sendProblem(req, reply, asDomainError(error));
}

function clientProblem(error: ConnectionError): DomainError {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new PlatformError('REQUEST_TIMEOUT');
  if (error.code === 'HPE_HEADER_OVERFLOW') return new PlatformError('HEADERS_TOO_LARGE');
  return new PlatformError('MALFORMED_REQUEST');
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses (a NUL in a header or in
 * the request line, a broken request), answered as a problem document on the raw socket.
 * The language comes from the Accept-Language the client sent, when the packet shows it.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = clientProblem(error);
  // Typed as Buffer's JSON form, but Node hands over the Buffer itself.
  const raw: unknown = error.rawPacket;
  const accept = /\r\naccept-language:[ \t]*([^\r\n]*)/i.exec(Buffer.isBuffer(raw) ? raw.toString('latin1') : '')?.[1];
  const locale = localeFromAcceptLanguage(accept) ?? DEFAULT_LOCALE;
  const body = JSON.stringify(toProblem(problem, locale));
  const status = problem.definition.status;
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/problem+json; charset=utf-8\r\ncontent-language: ${locale}\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
