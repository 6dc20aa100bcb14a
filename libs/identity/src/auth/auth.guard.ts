import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Actor, AUTH_METADATA, AuthRequirement, can, PlatformError } from '@palabre/platform';
import { ApiTokensService } from '../tokens/api-tokens.service';

type RequestWithActor = FastifyRequest & { actor?: Actor };

/** Resolves who is calling, by a way of proving it. Identity's sessions add theirs. */
export abstract class ActorResolver {
  abstract resolve(req: FastifyRequest): Promise<Actor | null>;
}

/**
 * The one guard: finds the actor (bearer token, or a resolver's session cookie) on every
 * request, and enforces `@Authenticated(permission)` where a route declares it. The
 * organization-level check happens in the service, with the tenant in hand.
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
    const req = context.switchToHttp().getRequest<RequestWithActor>();
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_METADATA, [context.getHandler(), context.getClass()]);
    req.actor ??= (await this.fromBearer(req)) ?? (await this.fromResolvers(req)) ?? undefined;
    if (!requirement) return true;
    if (!req.actor) throw new PlatformError('UNAUTHENTICATED');
    const { permission } = requirement;
    if (permission && !req.actor.memberships.some((m) => can(m.role, permission))) {
      // Member of no organization where the role allows it. Organization-level checks are in the services.
      throw new PlatformError(req.actor.memberships.length === 0 ? 'NOT_FOUND' : 'FORBIDDEN');
    }
    return true;
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
