import { createHash } from 'node:crypto';

/**
 * Just enough of the PostgreSQL wire protocol (v3) to stand between clients and PGlite's
 * single session: password authentication, error replies, and the messages that abort an
 * unfinished extended-query sequence. The tests use the frontend half to speak it by hand.
 */

export const PROTOCOL_VERSION_3 = 196608;

const int16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const cstring = (s: string): Buffer => Buffer.from(`${s}\0`, 'utf8');

/** A typed message: type byte, then a length that counts itself and the body. */
export function frame(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from(type, 'ascii'), int32(body.length + 4), body]);
}

/** The untyped first message of a connection: protocol 3.0 and its parameters. */
export function startupMessage(parameters: Record<string, string>): Buffer {
  const body = Buffer.concat([int32(PROTOCOL_VERSION_3), ...Object.entries(parameters).flatMap(([k, v]) => [cstring(k), cstring(v)]), Buffer.from([0])]);
  return Buffer.concat([int32(body.length + 4), body]);
}

/** The parameters of a startup message, or undefined when the bytes are not one. */
export function readStartupMessage(message: Uint8Array): Record<string, string> | undefined {
  const b = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  if (b.length < 8 || b.readInt32BE(0) !== b.length || b.readInt32BE(4) !== PROTOCOL_VERSION_3) return undefined;
  const parts = b.subarray(8).toString('utf8').split('\0');
  const parameters: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length && parts[i] !== ''; i += 2) parameters[parts[i]] = parts[i + 1];
  return parameters;
}

/** The type byte of a typed message ('' for the untyped startup message). */
export function messageType(message: Uint8Array): string {
  return readStartupMessage(message) ? '' : String.fromCharCode(message[0] ?? 0);
}

/** What an md5-authenticating client sends: "md5" + md5(md5(password + user) + salt). */
export function md5PasswordHash(user: string, password: string, salt: Buffer): string {
  const inner = createHash('md5')
    .update(password + user, 'utf8')
    .digest('hex');
  return (
    'md5' +
    createHash('md5')
      .update(Buffer.concat([Buffer.from(inner, 'utf8'), salt]))
      .digest('hex')
  );
}

/** The string of a PasswordMessage ('p'), or undefined when the message is something else. */
export function readPasswordMessage(message: Uint8Array): string | undefined {
  if (messageType(message) !== 'p' || message.length < 6) return undefined;
  return Buffer.from(message.buffer, message.byteOffset + 5, message.byteLength - 5)
    .toString('utf8')
    .replace(/\0$/, '');
}

export const authenticationMd5Password = (salt: Buffer): Buffer => frame('R', int32(5), salt);

/** An ErrorResponse; severity FATAL tells the client its connection is ending. */
export function errorResponse(severity: 'ERROR' | 'FATAL', code: string, message: string): Buffer {
  return frame('E', cstring(`S${severity}`), cstring(`V${severity}`), cstring(`C${code}`), cstring(`M${message}`), Buffer.from([0]));
}

// Frontend messages.
export const passwordMessage = (password: string): Buffer => frame('p', cstring(password));
export const queryMessage = (sql: string): Buffer => frame('Q', cstring(sql));
export const parseMessage = (sql: string, statement = ''): Buffer => frame('P', cstring(statement), cstring(sql), int16(0));
export function bindMessage(values: string[], statement = '', portal = ''): Buffer {
  const encoded = values.flatMap((v) => [int32(Buffer.byteLength(v)), Buffer.from(v, 'utf8')]);
  return frame('B', cstring(portal), cstring(statement), int16(0), int16(values.length), ...encoded, int16(0));
}
export const executeMessage = (portal = ''): Buffer => frame('E', cstring(portal), int32(0));
export const flushMessage = (): Buffer => frame('H');
export const syncMessage = (): Buffer => frame('S');
