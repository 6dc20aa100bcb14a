import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { Actor } from '@palabre/platform';
import { OwnProfileService } from '@palabre/speakers';

/** The pages whose layout offers the switch between the organizers' and the speakers' spaces. */
const SPACES = /^\/(admin|intervenant)(\/|\?|$)/;

/**
 * Tells the pages of both spaces whether the signed-in user is also a speaker (`actor.speaker`),
 * after the guard has found the actor and before the handler renders: one indexed lookup,
 * on those pages only.
 */
@Injectable()
export class SpeakerSpaceInterceptor implements NestInterceptor {
  constructor(private readonly profiles: OwnProfileService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    if (req.actor?.via === 'session' && req.actor.speaker === undefined && SPACES.test(req.url)) {
      req.actor.speaker = await this.profiles.hasAny(req.actor.userId);
    }
    return next.handle();
  }
}
