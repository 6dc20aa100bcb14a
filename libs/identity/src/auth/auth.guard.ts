import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import {
  Actor,
  AUTH_METADATA,
  AuthRequirement,
  can,
  ORGANIZATION_PARAM,
  OWN_CREDENTIALS_METADATA,
  PlatformError,
  requireOrganization,
} from '@palabre/platform';
import { ApiTokensService } from '../tokens/api-tokens.service';
import { submittedCsrf } from '../sign-in-sessions/session-cookies';
import { sameSecret } from './secrets';

type RequestWithActor = FastifyRequest & { actor?: Actor };

/** Resolves who is calling, by a way of proving it. Identity's sessions add theirs. */
export abstract class ActorResolver {
  abstract resolve(req: FastifyRequest): Promise<Actor | null>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one guard: finds the actor (bearer token, or a resolver's session cookie) on every
 * request, and enforces `@Authenticated(permission)` where a route declares it. A session
 * (cookie) may change nothing without its CSRF token; a bearer token needs none, since no
 * browser sends it by itself. On a route with `{orgSlug}`, the permission is checked in
 * that organization (404 outside it); elsewhere the service checks it with the tenant in hand.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly resolvers: ActorResolver[] = [];

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: ApiTokensService,
  ) {}

  addResolver(resolver: ActorResolver): void {
    this.resolvers.push(resolver);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean | undefined>(OWN_CREDENTIALS_METADATA, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<RequestWithActor>();
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_METADATA, [context.getHandler(), context.getClass()]);
    req.actor ??= (await this.fromBearer(req)) ?? (await this.fromResolvers(req)) ?? undefined;
    if (req.actor?.via === 'session' && !SAFE_METHODS.has(req.method) && !this.csrfMatches(req, req.actor)) {
      // A forged cross-site request rides on the cookie: refuse it where sign-in is required,
      // and elsewhere (public forms) treat it as anonymous rather than as the signed-in user.
      if (requirement) throw new PlatformError('CSRF_FAILED');
      req.actor = undefined;
    }
    if (!requirement) return true;
    if (!req.actor) throw new PlatformError('UNAUTHENTICATED');
    const { permission } = requirement;
    if (!permission) return true;
    const orgSlug = (req.params as Record<string, string | undefined> | undefined)?.[ORGANIZATION_PARAM];
    if (orgSlug !== undefined) {
      requireOrganization(req.actor, orgSlug, permission);
    } else if (!req.actor.memberships.some((m) => can(m.role, permission))) {
      // Member of no organization where the role allows it. Organization-level checks are in the services.
      throw new PlatformError(req.actor.memberships.length === 0 ? 'NOT_FOUND' : 'FORBIDDEN');
    }
    return true;
  }

  private csrfMatches(req: FastifyRequest, actor: Actor): boolean {
    const submitted = submittedCsrf(req);
    return !!submitted && !!actor.csrfToken && sameSecret(submitted, actor.csrfToken);
  }

  private async fromBearer(req: FastifyRequest): Promise<Actor | null> {
    const header = req.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new PlatformError('UNAUTHENTICATED');
    const actor = await this.tokens.authenticate(match[1]);
    // A bearer token that does not work is an error, not an anonymous request.
    if (!actor) throw new PlatformError('UNAUTHENTICATED');
    return actor;
  }

  private async fromResolvers(req: FastifyRequest): Promise<Actor | null> {
    for (const r of this.resolvers) {
      const actor = await r.resolve(req);
      if (actor) return actor;
    }
    return null;
  }
}
