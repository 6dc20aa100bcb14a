import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Arrivals } from './arrivals';

/** A text as the fake gateway received it. */
export interface ReceivedSms {
  /** `generic` (the configurable HTTP gateway) or `orange` (Orange's SMS API). */
  api: 'generic' | 'orange';
  to: string;
  text: string;
  from: string;
  /** The id the gateway answered with (delivery reports name it). */
  id: string;
  /** The sender's own id of the message (the generic gateway's `reference` field), the same on a resend. */
  reference?: string;
  headers: IncomingMessage['headers'];
}

export interface SmsTestGateway {
  /** Base URL: `${url}/send` is the generic gateway; Orange's API is under the base itself. */
  url: string;
  messages: ReceivedSms[];
  waitFor(count: number, options?: { timeoutMs?: number; filter?: (m: ReceivedSms) => boolean }): Promise<ReceivedSms[]>;
  /** From now on answer every send with this HTTP status (503: down, 400: refused), or accept again with undefined. */
  failWith(status: number | undefined): void;
  /** Orange: tokens handed out so far, and the credentials it accepts. */
  orange: { tokensIssued: number; clientId: string; clientSecret: string };
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * An SMS gateway in the test process, over real HTTP: the generic gateway (`POST /send`,
 * JSON or form, answers `{ id }`) and a fake of Orange's SMS API as its documentation describes
 * it (`POST /oauth/v3/token` with the client's Basic credentials, then `POST
 * /smsmessaging/v1/outbound/{sender}/requests` with the Bearer token, answering a resourceURL).
 */
export async function startSmsGateway(options: { delayMs?: number } = {}): Promise<SmsTestGateway> {
  const arrivals = new Arrivals<ReceivedSms>();
  const orange = { tokensIssued: 0, clientId: 'palabre-test', clientSecret: 'secret-de-test' };
  const tokens = new Set<string>();
  let failure: number | undefined;
  let sequence = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = (req.url ?? '').split('?')[0];
      if (req.method === 'POST' && path === '/oauth/v3/token') {
        const expected = `Basic ${Buffer.from(`${orange.clientId}:${orange.clientSecret}`).toString('base64')}`;
        if (req.headers.authorization !== expected || body !== 'grant_type=client_credentials') return answer(res, 401, { error: 'invalid_client' });
        const token = `tok-${++orange.tokensIssued}`;
        tokens.add(token);
        return answer(res, 200, { token_type: 'Bearer', access_token: token, expires_in: '3600' });
      }
      if (failure) return answer(res, failure, { error: 'gateway says no' });
      const id = `gw-${++sequence}`;
      const orangeSend = /^\/smsmessaging\/v1\/outbound\/([^/]+)\/requests$/.exec(path);
      if (req.method === 'POST' && orangeSend) {
        if (!tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) return answer(res, 401, { error: 'invalid token' });
        const { outboundSMSMessageRequest: request } = JSON.parse(body) as {
          outboundSMSMessageRequest: { address: string; senderAddress: string; senderName?: string; outboundSMSTextMessage: { message: string } };
        };
        if (decodeURIComponent(orangeSend[1]) !== request.senderAddress) return answer(res, 400, { error: 'sender mismatch' });
        arrivals.add({
          api: 'orange',
          to: request.address.replace(/^tel:/, ''),
          text: request.outboundSMSTextMessage.message,
          from: request.senderName ?? request.senderAddress,
          id,
          headers: req.headers,
        });
        return answer(res, 201, { outboundSMSMessageRequest: { ...request, resourceURL: `http://${req.headers.host}${path}/${id}` } });
      }
      if (req.method === 'POST' && path === '/send') {
        const fields: Record<string, string> = (req.headers['content-type'] ?? '').includes('json')
          ? (JSON.parse(body) as Record<string, string>)
          : Object.fromEntries(new URLSearchParams(body));
        arrivals.add({ api: 'generic', to: fields.to, text: fields.text, from: fields.from, id, reference: fields.reference, headers: req.headers });
        // A slow gateway has the text before it says so: a sender that dies meanwhile sends it again.
        setTimeout(() => answer(res, 200, { id, status: 'accepted' }), options.delayMs ?? 0);
        return;
      }
      answer(res, 404, { error: 'no such route' });
    })().catch(() => answer(res, 400, { error: 'unreadable' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    messages: arrivals.messages,
    waitFor: (count, options) => arrivals.waitFor(count, options),
    failWith(status) {
      failure = status;
    },
    orange,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
