import { randomBytes, timingSafeEqual } from 'node:crypto';
import { authenticationMd5Password, errorResponse, md5PasswordHash, readPasswordMessage, readStartupMessage } from './pg-wire';
import { queryQueueOf } from './pglite-socket-queue';

/**
 * pglite-socket has no authentication, and PGlite's one session is open before any client
 * arrives: whatever reaches the queue runs, even a bare Query with no startup message. So
 * the password is checked in front of the queue, per connection, with PostgreSQL's md5
 * exchange (node-pg and every other driver speak it; the random salt keeps the password off
 * the wire). Until a connection has passed, nothing it sends reaches PGlite, so it cannot
 * hold the session either.
 */
export function requirePassword(server: unknown, password: string): void {
  const queue = queryQueueOf(server);
  /** Connections that sent their startup and owe the password: their startup, replayed once they pass. */
  const asked = new Map<number, { user: string; salt: Buffer; startup: Uint8Array }>();
  const passed = new Set<number>();
  const forget = (handlerId: number) => {
    asked.delete(handlerId);
    passed.delete(handlerId);
  };

  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = function (handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    if (passed.has(handlerId)) return enqueue(handlerId, message, onData);
    // The rejection makes the socket handler close the connection, as on any error.
    const refuse = (code: string, text: string) => {
      onData(errorResponse('FATAL', code, text));
      forget(handlerId);
      return Promise.reject(new Error(text));
    };
    const waiting = asked.get(handlerId);
    if (!waiting) {
      const parameters = readStartupMessage(message);
      if (!parameters) return refuse('08P01', 'expected a startup message');
      const salt = randomBytes(4);
      asked.set(handlerId, { user: parameters.user ?? '', salt, startup: message });
      const request = authenticationMd5Password(salt);
      onData(request);
      return Promise.resolve(request.length);
    }
    asked.delete(handlerId);
    const answer = Buffer.from(readPasswordMessage(message) ?? '', 'utf8');
    const expected = Buffer.from(md5PasswordHash(waiting.user, password, waiting.salt), 'utf8');
    if (answer.length !== expected.length || !timingSafeEqual(answer, expected)) {
      return refuse('28P01', `password authentication failed for user "${waiting.user}"`);
    }
    passed.add(handlerId);
    // PGlite answers the startup itself (AuthenticationOk, parameters, ReadyForQuery), in turn like any message.
    return enqueue(handlerId, waiting.startup, onData);
  };

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = function (handlerId: number): void {
    forget(handlerId);
    clear(handlerId);
  };
}
