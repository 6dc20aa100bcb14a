import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest, RawServerDefault } from 'fastify';
import { isUtf8 } from 'node:buffer';
import type { Localized } from '../i18n/locale';
import { PlatformError } from '../errors/platform-errors';

/**
 * Text nobody can have meant: a NUL (PostgreSQL refuses it in text, so it reached the
 * database as a 500), bytes that are not UTF-8, or in a JSON body a lone surrogate (`"\ud800"`:
 * half a character, which PostgreSQL's json refuses and the e-mail check chokes on). Refused
 * once, at the edge, for every route: path parameters, query, headers and cookies as the
 * request arrives, bodies as they are parsed.
 */
export const UNREADABLE_TEXT: Localized = {
  fr: 'Texte illisible : caractère nul, octets qui ne sont pas de l’UTF-8 ou moitié de caractère.',
  en: 'Unreadable text: a NUL character, bytes that are not UTF-8 or half a character.',
};

const NUL = '\0';
/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The 400 problem naming the field that carried unreadable text. */
export function unreadableText(field: string): PlatformError {
  return new PlatformError('VALIDATION_FAILED', {}, [{ field, message: UNREADABLE_TEXT }]);
}

/**
 * Decodes one part of a query string or form (`+` is a space); undefined when the bytes it
 * encodes are not UTF-8. A `%` without two hex digits stays as it is, as the lenient parsers keep it.
 */
export function decodeComponent(part: string): string | undefined {
  if (!part.includes('%') && !part.includes('+')) return part;
  try {
    return decodeURIComponent(part.replace(/\+/g, ' ').replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    return undefined;
  }
}

export type ReadPairs = { ok: true; value: Record<string, string | string[]> } | { ok: false; field: string };

/**
 * Reads `a=1&b=2&b=3` strictly: a name or value with unreadable text names its field (or
 * `whole` when the name itself is unreadable). The object has no prototype, so `__proto__`
 * is a field like another.
 */
export function readPairs(text: string, whole: string): ReadPairs {
  const value = Object.create(null) as Record<string, string | string[]>;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    if (key === undefined || key.includes(NUL)) return { ok: false, field: whole };
    const v = decodeComponent(eq === -1 ? '' : pair.slice(eq + 1));
    if (v === undefined || v.includes(NUL)) return { ok: false, field: key };
    const previous = value[key];
    if (previous === undefined) value[key] = v;
    else if (Array.isArray(previous)) previous.push(v);
    else value[key] = [previous, v];
  }
  return { ok: true, value };
}

/** The dotted path (`title.fr`, `people.0.role`) of the first string or name holding `mark`; `body` for the whole. */
export function findText(value: unknown, mark: string | ((text: string) => boolean)): string | undefined {
  const holds = typeof mark === 'string' ? (text: string) => text.includes(mark) : mark;
  // Iterative: a deeply nested body must not overflow the stack.
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (holds(v)) return path || 'body';
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    for (const [key, child] of Object.entries(v)) {
      if (holds(key)) return path || 'body';
      stack.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return undefined;
}

export const findNul = (value: unknown): string | undefined => findText(value, NUL);

/** A NUL or a lone surrogate, which only a JSON escape can bring: the path of the first. */
export const findUnreadable = (value: unknown): string | undefined => findText(value, (text) => text.includes(NUL) || LONE_SURROGATE.test(text));

/** The names secure-json-parse refuses (prototype poisoning): `__proto__`, and `constructor` holding a `prototype`. */
function isPoison(key: string, value: unknown): boolean {
  return key === '__proto__' || (key === 'constructor' && value !== null && typeof value === 'object' && Object.hasOwn(value, 'prototype'));
}

/**
 * The dotted path of the first `__proto__` or `constructor.prototype` in a JSON text (JSON.parse
 * keeps them as plain names); undefined when the text is not JSON or holds neither.
 */
export function poisonedField(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const stack: [unknown, string][] = [[parsed, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    for (const [key, child] of Object.entries(v)) {
      const at = path ? `${path}.${key}` : key;
      if (isPoison(key, child)) return at;
      stack.push([child, at]);
    }
  }
  return undefined;
}

const FORBIDDEN_NAME: Localized = {
  fr: 'Ce nom de champ est interdit.',
  en: 'This field name is not allowed.',
};

/**
 * The field of a body whose bytes are not UTF-8: decoded with U+FFFD in their place, the
 * first field holding one (else the whole body).
 */
function fieldOfBadBytes(body: Buffer, parse: (text: string) => unknown): string {
  try {
    return findText(parse(body.toString('utf8')), '\uFFFD') ?? 'body';
  } catch {
    return 'body';
  }
}

/** Anything but printable ASCII and tab: only such values need a closer look. */
const NOT_PLAIN = /[^\t\x20-\x7e]/;

/** The first header whose value holds a NUL or bytes that are not UTF-8, read from Node's flat list of the raw headers (name, value, name, value…): nothing is made per request. */
export function unreadableRawHeader(raw: string[]): string | undefined {
  for (let i = 1; i < raw.length; i += 2) if (unreadableHeaderValue(raw[i])) return raw[i - 1].toLowerCase();
  return undefined;
}

function unreadableHeaderValue(text: string): boolean {
  if (!NOT_PLAIN.test(text)) return false;
  // Node reads header bytes as latin1: each character's code is the byte that came.
  return text.includes(NUL) || !isUtf8(Buffer.from(text, 'latin1'));
}

/** The first query field with unreadable text, reading the raw URL (the query parser keeps `%FF` as it is). */
export function unreadableQuery(url: string): string | undefined {
  const start = url.indexOf('?');
  // Node's parser refuses raw NULs and bytes outside ASCII in the request line: only escapes can carry them.
  if (start === -1 || !url.includes('%', start)) return undefined;
  const read = readPairs(url.slice(start + 1).split('#')[0], 'query');
  return read.ok ? undefined : read.field;
}

function unreadableIn(values: unknown): string | undefined {
  if (!values || typeof values !== 'object') return undefined;
  for (const name in values) {
    const value = (values as Record<string, unknown>)[name];
    if (typeof value === 'string' && value.includes(NUL)) return name;
  }
  return undefined;
}

/**
 * What an onRequest hook checks, after the cookie parser and before anything reads the request
 * (the response cache, guards, pipes): path parameters, query, headers, cookies; the field to
 * name in a 400 (see unreadableText), or undefined. Bytes that are not UTF-8 in the path never
 * get here: the router refuses them (see frameworkErrors).
 */
export function unreadableRequestField(req: FastifyRequest): string | undefined {
  return (
    unreadableIn(req.params) ?? unreadableQuery(req.url) ?? unreadableRawHeader(req.raw.rawHeaders) ?? unreadableIn((req as { cookies?: unknown }).cookies)
  );
}

/** preValidation: a parsed body (JSON or form) with a NUL or a lone surrogate anywhere, named by its path. */
export async function rejectUnreadableBody(req: FastifyRequest): Promise<void> {
  const field = req.body === undefined ? undefined : findUnreadable(req.body);
  if (field !== undefined) throw unreadableText(field);
}

function formFields(text: string): Record<string, string | string[]> | undefined {
  const read = readPairs(text, 'body');
  return read.ok ? read.value : undefined;
}

/**
 * The JSON and form parsers, with the body's bytes checked as UTF-8 first (decoding would
 * quietly turn them into U+FFFD) and form fields decoded strictly. JSON keeps Fastify's own
 * parser, with its guard against `__proto__` and `constructor` poisoning; what it refuses is
 * a 400 naming the field. Plain text is no body of ours: it is refused (415) like any type
 * without a parser, instead of reaching a DTO as a string.
 */
export function useStrictBodyParsers(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const { bodyLimit, onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const json = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  fastify.removeContentTypeParser('text/plain');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (req, body, done) => {
    if (!isUtf8(body)) return done(unreadableText(fieldOfBadBytes(body, (text) => JSON.parse(text))));
    const text = body.toString('utf8');
    // Fastify's parser answers through done(); its type merely allows a promise.
    void json(req, text, (error: Error | null, parsed?: unknown) => {
      // Fastify says only "invalid JSON" when it refuses a poisoned name: text that JSON.parse reads is one.
      const poisoned = error ? poisonedField(text) : undefined;
      if (poisoned) return done(new PlatformError('VALIDATION_FAILED', {}, [{ field: poisoned, message: FORBIDDEN_NAME }]));
      done(error, parsed);
    });
  });
  app.useBodyParser<RawServerDefault>('application/x-www-form-urlencoded', { bodyLimit }, (_req, body, done) => {
    if (!isUtf8(body)) return done(unreadableText(fieldOfBadBytes(body, (text) => formFields(text))));
    const read = readPairs(body.toString('utf8'), 'body');
    if (!read.ok) return done(unreadableText(read.field));
    done(null, read.value);
  });
}
