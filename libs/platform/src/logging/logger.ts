import { LoggerService } from '@nestjs/common';
import type { FastifyBaseLogger } from 'fastify';
import pino, { Logger as Pino } from 'pino';
import type { AppConfig } from '../config/app-config';
import { withoutQuery } from '../http/without-query';

/** A request as Fastify's own error lines log it: never its query string (tokens travel in some) nor its headers. */
function requestForLog(req: { id?: unknown; method?: unknown; url?: unknown }) {
  return { id: req.id, method: req.method, url: withoutQuery(typeof req.url === 'string' ? req.url : undefined) };
}

/** One pino logger per process: JSON in production, readable in a terminal. */
export function createPino(config: Pick<AppConfig, 'logLevel' | 'logFormat'>, name: string): Pino {
  return pino({
    name,
    level: config.logLevel,
    serializers: { req: requestForLog },
    redact: { paths: ['password', '*.password', 'req.headers.authorization', 'req.headers.cookie', 'token', '*.token'], censor: '[redacted]' },
    ...(config.logFormat === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,name' } } }
      : {}),
  });
}

/** Nest's logger interface on top of pino, so framework and app logs share one stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]) {
    // Nest passes the context (class name) last; a stack trace may come before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const extra = rest.slice(0, context ? -1 : undefined);
    if (message !== null && typeof message === 'object') {
      const msg = typeof extra[0] === 'string' ? extra[0] : undefined;
      this.pino[level]({ context, ...message }, msg);
    } else {
      const stack = extra.find((x) => typeof x === 'string' && x.includes('\n    at '));
      this.pino[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * A request's logger, made by Fastify for every request (`request.log`, carrying its id). pino's
 * child serializes its bindings when it is made; at `LOG_LEVEL=warn` a request served from the
 * cache logs nothing, so the child is made the first time a line at an enabled level is
 * written (an error, or the request line at `info`), not for every request.
 */
export class RequestLogger implements FastifyBaseLogger {
  private made?: FastifyBaseLogger;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly own: pino.Bindings,
    private readonly options: pino.ChildLoggerOptions,
  ) {}

  private get logger(): FastifyBaseLogger {
    return (this.made ??= this.parent.child(this.own, this.options));
  }

  get level(): string {
    return this.made?.level ?? this.options.level ?? this.parent.level;
  }

  set level(level: string) {
    this.logger.level = level;
  }

  isLevelEnabled(level: string): boolean {
    const values = pino.levels.values;
    return this.level !== 'silent' && (values[level] ?? Infinity) >= (values[this.level] ?? 0);
  }

  private write(level: Level, args: unknown[]): void {
    if (!this.isLevelEnabled(level)) return;
    Reflect.apply(this.logger[level], this.logger, args);
  }

  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  silent(): void {}

  child(bindings: pino.Bindings, options?: pino.ChildLoggerOptions): FastifyBaseLogger {
    return this.logger.child(bindings, options);
  }
}

/** Fastify's `childLoggerFactory`: the request's logger, made when first written to (RequestLogger). */
export function requestLoggers(parent: FastifyBaseLogger, bindings: pino.Bindings, options: pino.ChildLoggerOptions): FastifyBaseLogger {
  return new RequestLogger(parent, bindings, options);
}
