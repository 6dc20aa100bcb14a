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
 */

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  timestamp: number;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    exec(sql: string): Promise<unknown>;
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(message: Uint8Array, options: { onRawData(data: Uint8Array): void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Messages after which the sender may let another connection speak: Sync, simple Query, Terminate, and startup/authentication. */
function endsSequence(message: Uint8Array): boolean {
  const type = String.fromCharCode(message[0] ?? 0);
  // Parse, Bind, Describe, Execute, Close and Flush wait for the Sync that follows them.
  return !['P', 'B', 'D', 'E', 'C', 'H'].includes(type);
}

export function keepExtendedQueriesTogether(server: unknown): void {
  const queue = (server as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || !Array.isArray(queue.queue) || typeof queue.processQueue !== 'function' || typeof queue.clearQueueForHandler !== 'function') {
    throw new Error('pglite-socket changed: its query queue no longer has the shape keepExtendedQueriesTogether expects');
  }
  let midSequence = false;
  /**
   * Connections that have gone. A connection can leave while one of its messages is being
   * executed (a killed client, a pool closing): the loop would then wait forever for the
   * rest of its sequence, or for the end of its transaction, and every other connection
   * with it. Whoever is in charge and gone is let go (its transaction rolled back).
   */
  const gone = new Set<number>();

  queue.processQueue = async function processQueue(this: QueryQueue): Promise<void> {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        let next: QueuedMessage | undefined;
        if ((midSequence || this.db.isInTransaction()) && this.lastHandlerId !== null) {
          const index = this.queue.findIndex((m) => m.handlerId === this.lastHandlerId);
          if (index === -1) {
            if (!gone.has(this.lastHandlerId)) break; // the connection in charge has not sent its next message yet: wait for it
            // As the library's own clearTransactionIfNeeded does (exec takes PGlite's lock itself).
            if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => undefined);
            midSequence = false;
            this.lastHandlerId = null;
            continue;
          }
          next = this.queue.splice(index, 1)[0];
        } else {
          next = this.queue.shift();
        }
        if (!next) break;
        const item = next;
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
    }
  };

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = function clearQueueForHandler(this: QueryQueue, handlerId: number): void {
    clear(handlerId);
    gone.add(handlerId);
    // Handler ids only grow; forget old ones so the set stays small.
    if (gone.size > 1000) for (const id of [...gone].slice(0, 500)) gone.delete(id);
    // A connection that left mid-sequence must not keep the others waiting.
    if (this.lastHandlerId === handlerId) void this.processQueue();
  };
}
