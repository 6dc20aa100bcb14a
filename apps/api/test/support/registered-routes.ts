import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** A route as Fastify serves it: Nest's controllers, the docs, the static files. */
export interface RegisteredRoute {
  method: string;
  /** With its parameters: `/api/v1/events/:slug`, `/api/docs/*`. */
  path: string;
}

/** One line of printRoutes(): the tree's indentation, the segment, the methods. */
const LINE = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every route Fastify has registered, read from its own route tree (printRoutes, with each
 * node a segment of its parent), so a test walks what is really served, whoever added it.
 */
export function registeredRoutes(app: NestFastifyApplication): RegisteredRoute[] {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const segments: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of tree.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    segments.length = depth;
    segments.push(m[2]);
    for (const method of m[3]?.split(', ') ?? []) routes.push({ method, path: segments.join('') });
  }
  return routes;
}

/** The names of a route's path parameters (`*` for a wildcard). */
export function routeParams(path: string): string[] {
  return path.split('/').flatMap((s) => (s === '*' ? ['*'] : s.startsWith(':') ? [s.slice(1)] : []));
}

/** The route's path with each parameter replaced by a value (already encoded for a URL). */
export function fillRoute(path: string, value: (param: string) => string): string {
  return path
    .split('/')
    .map((s) => (s === '*' ? value('*') : s.startsWith(':') ? value(s.slice(1)) : s))
    .join('/');
}
