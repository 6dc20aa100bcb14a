import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Actor } from '@palabre/platform';
import { ActorResolver } from '../auth/auth.guard';
import { SessionCookies } from './session-cookies';
import { SignInSessionsService } from './sign-in-sessions.service';

/** Proves identity by the back-office session cookie. Registered with the AuthGuard at start-up. */
@Injectable()
export class SessionActorResolver extends ActorResolver {
  constructor(
    private readonly cookies: SessionCookies,
    private readonly sessions: SignInSessionsService,
  ) {
    super();
  }

  async resolve(req: FastifyRequest): Promise<Actor | null> {
    const secret = this.cookies.readSession(req);
    return secret ? this.sessions.resolve(secret) : null;
  }
}
