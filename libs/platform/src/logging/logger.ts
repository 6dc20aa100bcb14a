import { LoggerService } from '@nestjs/common';
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
