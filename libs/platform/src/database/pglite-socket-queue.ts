import { Logger } from '@nestjs/common';
import { errorResponse, executeMessage, syncMessage } from './pg-wire';

/**
 * pglite-socket 0.2.x queues each wire-protocol message on its own and, outside a
 * transaction, takes the next message from whichever connection is first in line. node-pg
 * sends a parameterized query as Parse, Bind, Describe, Execute, Sync: two connections
 * querying at once get their messages interleaved on PGlite's single session, and one
 * connection's Bind meets the other's Parse ("bind message supplies 3 parameters, but
 * prepared statement "" requires 1"). Any concurrent load on the embedded database hits it.
 *
 * The fix keeps the connection that started an extended-query sequence in charge until its
 * Sync (as the library already does for the length of a transaction). It replaces the
 * queue's `processQueue` with the library's own loop plus that one condition; the shape it
 * relies on is checked, so a library upgrade that changes it fails loudly at start-up.
 *
 * Holding the only session is a hazard of its own: the connection in charge can stop
 * talking (a client idle in BEGIN, a process stopped between Execute and Sync) or vanish.
 * The first is cut after a deadline, and in both cases whatever it left open is rolled back
 * before anybody else speaks.
 */

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  timestamp: number;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}

export interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    exec(sql: string): Promise<unknown>;
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(message: Uint8Array, options: { onRawData(data: Uint8Array): void }): Promise<unknown>;
  };
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number>;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

/** One client connection of the socket server (PGLiteSocketHandler). */
interface SocketHandler {
  readonly handlerId: number;
  /** The library's own way out for a connection (it uses it for its idle timeout): reports, detaches, closes. */
  handleError(error: Error): void;
}

/** The query queue of a PGLiteSocketServer, checked to have the shape these patches rely on. */
export function queryQueueOf(server: unknown): QueryQueue {
  const queue = (server as { queryQueue?: QueryQueue }).queryQueue;
  const methods = ['enqueue', 'processQueue', 'clearQueueForHandler', 'clearTransactionIfNeeded'] as const;
  if (!queue || !Array.isArray(queue.queue) || methods.some((m) => typeof queue[m] !== 'function')) {
    throw new Error('pglite-socket changed: its query queue no longer has the shape Palabre patches');
  }
  return queue;
}

/** Messages after which the sender may let another connection speak: Sync, simple Query, Terminate, and startup/authentication. */
function endsSequence(message: Uint8Array): boolean {
  const type = String.fromCharCode(message[0] ?? 0);
  // Parse, Bind, Describe, Execute, Close and Flush wait for the Sync that follows them.
  return !['P', 'B', 'D', 'E', 'C', 'H'].includes(type);
}

/** A portal nobody creates: executing it fails, which is the point (see release). */
const NO_SUCH_PORTAL = 'palabre_abandoned_sequence';
const ignore = () => undefined;

export interface SessionGuardOptions {
  /** How long the connection in charge may stay silent before it is cut; see AppConfig.embeddedIdleTimeoutMs. */
  idleTimeoutMs: number;
  /** PGLiteSocketHandler.prototype, checked at start-up for the method that cuts a connection. */
  handlerPrototype: object;
}

export interface SessionGuard {
  /** Before the server stops: no more deadline, nothing more sent to PGlite. */
  stop(): void;
}

export function keepExtendedQueriesTogether(server: unknown, options: SessionGuardOptions): SessionGuard {
  const queue = queryQueueOf(server);
  // The server's connections, to find the one to cut.
  const handlers = (server as { handlers?: Set<SocketHandler> }).handlers;
  if (!(handlers instanceof Set) || typeof (options.handlerPrototype as Partial<SocketHandler>).handleError !== 'function') {
    throw new Error('pglite-socket changed: its connections no longer have the shape Palabre patches');
  }
  const logger = new Logger('EmbeddedPostgres');
  let midSequence = false;
  let stopped = false;
  /**
   * Connections that have gone, or been cut. A connection can leave while one of its
   * messages is being executed (a killed client, a pool closing): the loop would then wait
   * forever for the rest of its sequence, or for the end of its transaction, and every other
   * connection with it. Whoever is in charge and gone is let go (see release).
   */
  const gone = new Set<number>();
  /** Each connection's way to write to its socket, to tell a connection why it is cut. */
  const writers = new Map<number, (data: Uint8Array) => void>();
  let deadline: { handlerId: number; timer: NodeJS.Timeout } | undefined;

  const markGone = (handlerId: number) => {
    gone.add(handlerId);
    writers.delete(handlerId);
    // Handler ids only grow; forget old ones so the set stays small.
    if (gone.size > 1000) for (const id of [...gone].slice(0, 500)) gone.delete(id);
  };
  /** Some connection holds the session: mid-sequence or in a transaction, others must wait for it. */
  const holder = (): number | null => (queue.lastHandlerId !== null && (midSequence || queue.db.isInTransaction()) ? queue.lastHandlerId : null);

  const disarm = () => {
    if (deadline) clearTimeout(deadline.timer);
    deadline = undefined;
  };
  /** Starts the holder's clock, unless it already runs: other connections arriving must not push it back. */
  const arm = (handlerId: number) => {
    if (deadline?.handlerId === handlerId) return;
    disarm();
    const timer = setTimeout(() => expire(handlerId), options.idleTimeoutMs);
    timer.unref();
    deadline = { handlerId, timer };
  };
  const expire = (handlerId: number) => {
    deadline = undefined;
    if (stopped || queue.processing || holder() !== handlerId || gone.has(handlerId)) return;
    if (queue.queue.some((m) => m.handlerId === handlerId)) return void queue.processQueue();
    logger.warn(
      `a connection held the embedded database ${options.idleTimeoutMs} ms without a word (${midSequence ? 'mid-query' : 'idle in a transaction'}): cut, its transaction rolled back`,
    );
    // As PostgreSQL says it for idle_in_transaction_session_timeout, so the client knows why.
    writers.get(handlerId)?.(errorResponse('FATAL', '25P03', 'terminating connection due to idle-in-transaction timeout'));
    markGone(handlerId);
    for (const handler of handlers) if (handler.handlerId === handlerId) handler.handleError(new Error('Idle timeout'));
    void queue.processQueue();
  };

  /** Lets go of a holder that has gone: nothing it left unfinished may reach the next Sync. */
  const release = async (q: QueryQueue) => {
    if (midSequence) {
      // A statement executed before the missing Sync sits in PostgreSQL's implicit
      // transaction, which the next Sync (anyone's) would commit; IsTransactionBlock() does
      // not see it. A failing Execute aborts it, and the Sync after it rolls it back.
      for (const message of [executeMessage(NO_SUCH_PORTAL), syncMessage()]) {
        await q.db.runExclusive(() => q.db.execProtocolRawStream(message, { onRawData: ignore })).catch(ignore);
      }
    }
    // As the library's own clearTransactionIfNeeded does (exec takes PGlite's lock itself).
    if (q.db.isInTransaction()) await q.db.exec('ROLLBACK').catch(ignore);
    midSequence = false;
    q.lastHandlerId = null;
  };

  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = function (this: QueryQueue, handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    // A cut connection speaks no more: what it sends now would run outside the transaction it believes open.
    if (gone.has(handlerId)) return Promise.reject(new Error('connection closed by the embedded database'));
    writers.set(handlerId, onData);
    return enqueue(handlerId, message, onData);
  };

  queue.processQueue = async function processQueue(this: QueryQueue): Promise<void> {
    if (this.processing || stopped) return;
    this.processing = true;
    try {
      for (;;) {
        const inCharge = holder();
        if (inCharge !== null && gone.has(inCharge)) {
          disarm();
          await release(this);
          continue;
        }
        if (this.queue.length === 0) break;
        let next: QueuedMessage | undefined;
        if (inCharge !== null) {
          const index = this.queue.findIndex((m) => m.handlerId === inCharge);
          if (index === -1) break; // the connection in charge has not sent its next message yet: wait for it (on a deadline)
          next = this.queue.splice(index, 1)[0];
        } else {
          next = this.queue.shift();
        }
        if (!next) break;
        const item = next;
        if (gone.has(item.handlerId)) {
          item.reject(new Error('connection closed by the embedded database'));
          continue;
        }
        disarm();
        let bytes = 0;
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(item.message, { onRawData: (d) => ((bytes += d.length), item.onData(d)) }));
        } catch (error) {
          midSequence = false;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        midSequence = !endsSequence(item.message);
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
      const inCharge = stopped ? null : holder();
      if (inCharge !== null && !gone.has(inCharge)) arm(inCharge);
      else disarm();
    }
  };

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = function clearQueueForHandler(this: QueryQueue, handlerId: number): void {
    clear(handlerId);
    markGone(handlerId);
    // A connection that left mid-sequence or mid-transaction must not keep the others waiting.
    if (this.lastHandlerId === handlerId) void this.processQueue();
  };
  // The library's version rolls back only an explicit transaction, outside the loop; release does it all, in order.
  queue.clearTransactionIfNeeded = function clearTransactionIfNeeded(this: QueryQueue): Promise<void> {
    return this.processQueue();
  };

  return {
    stop() {
      stopped = true;
      disarm();
    },
  };
}
