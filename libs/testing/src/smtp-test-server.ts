import { Arrivals } from './arrivals';
import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: Buffer;
}

export interface SmtpTestServer {
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** Resolves when at least `count` messages (matching `filter`) have arrived. */
  waitFor(count: number, options?: { timeoutMs?: number; filter?: (m: ReceivedMail) => boolean }): Promise<ReceivedMail[]>;
  /** From now on answer every message with this SMTP error (e.g. 451 for a transient failure), or accept again with undefined. */
  failWith(code: number | undefined, message?: string): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test process; messages are parsed back with mailparser.
 * `delayMs`: a slow relay, which answers each message that long after it has it.
 */
export async function startSmtpServer(options: { port?: number; delayMs?: number } = {}): Promise<SmtpTestServer> {
  const arrivals = new Arrivals<ReceivedMail>();
  let failure: { code: number; message: string } | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failure) {
          const err = new Error(failure.message) as Error & { responseCode: number };
          err.responseCode = failure.code;
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            arrivals.add({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed, raw });
            // A slow relay has the message before it says so: a sender that dies meanwhile sends it again.
            setTimeout(() => callback(), options.delayMs ?? 0);
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // A client that drops its connection (a killed worker) makes the server emit 'error';
  // without a listener that would throw in the test process.
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages: arrivals.messages,
    failWith(code, message = 'Try again later') {
      failure = code ? { code, message } : undefined;
    },
    waitFor: (count, options) => arrivals.waitFor(count, options),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
