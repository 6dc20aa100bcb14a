import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { AUTH_METADATA, AuthRequirement, Permission } from '@palabre/platform';

/** A route as its controller declares it: `GET /api/v1/events/:slug/rooms`, with the permission `@Authenticated` names. */
export interface DeclaredRoute {
  method: string;
  path: string;
  permission?: Permission;
  /** `Controller.method`, to say where a route comes from. */
  handler: string;
  /** The class the whole body (`@Body()`) or query (`@Query()`) is validated as, when there is one. */
  body?: Dto;
  query?: Dto;
}

export type Dto = new () => object;

/** The class a handler's whole `@Body()` or `@Query()` parameter is declared as (what the global pipe validates). */
function inputDto(controller: object, name: string, kind: RouteParamtypes): Dto | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller.constructor, name) ?? {}) as Record<string, { index: number; data?: unknown }>;
  const types = (Reflect.getMetadata('design:paramtypes', controller, name) ?? []) as unknown[];
  for (const [key, arg] of Object.entries(args)) {
    if (key.split(':')[0] !== String(kind) || arg.data !== undefined) continue;
    const type = types[arg.index];
    if (typeof type === 'function' && ![Object, String, Number, Boolean, Array].includes(type as never)) return type as Dto;
  }
  return undefined;
}

const joinPath = (...parts: string[]) => `/${parts.join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [value === undefined ? '/' : String(value)]);

/**
 * Every route of the app's controllers, read from the metadata Nest's route decorators set
 * (the same the router and the AuthGuard read), so a test can hold a table against it.
 */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        const methodPaths: unknown = Reflect.getMetadata(PATH_METADATA, handler);
        if (methodPaths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const requirement = reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_METADATA, [handler, controller]);
        for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const path of asList(methodPaths)) {
            routes.push({
              method,
              path: joinPath(base, path),
              permission: requirement?.permission,
              handler: `${controller.name}.${name}`,
              body: inputDto(controller.prototype, name, RouteParamtypes.BODY),
              query: inputDto(controller.prototype, name, RouteParamtypes.QUERY),
            });
          }
        }
      }
    }
  }
  return routes;
}

/**
 * The declared route a concrete path is served by (`/api/v1/events/forum/rooms` →
 * `/api/v1/events/:slug/rooms`). Like the router, a fixed segment wins over a parameter.
 */
export function routeServing(routes: DeclaredRoute[], method: string, concretePath: string): DeclaredRoute | undefined {
  const segments = concretePath.split('?')[0].split('/');
  let best: { route: DeclaredRoute; fixed: number[] } | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    if (!pattern.every((p, i) => p.startsWith(':') || p === segments[i])) continue;
    const fixed = pattern.map((p) => (p.startsWith(':') ? 0 : 1));
    // Compared segment by segment from the left, as find-my-way walks the path.
    if (!best || fixed.join('') > best.fixed.join('')) best = { route, fixed };
  }
  return best?.route;
}
