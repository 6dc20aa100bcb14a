import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdentityError } from '../identity.errors';
import { SessionMeta, SignInSessionsService, StartedSession } from '../sign-in-sessions/sign-in-sessions.service';
import { MagicLinksService } from './magic-links.service';

/**
 * Signing in with an emailed link: the link is used (once) and a sign-in session opened in
 * the same transaction, so a link never opens two sessions and a failure uses no link.
 */
@Injectable()
export class SignInWithLink {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: MagicLinksService,
    private readonly sessions: SignInSessionsService,
  ) {}

  /** LINK_INVALID when the link is unknown, used or expired. The browser's previous session (`replacing`) ends. */
  async execute(secret: string, meta: SessionMeta, replacing?: string): Promise<{ userId: string; session: StartedSession }> {
    return this.dataSource.transaction(async (manager) => {
      const userId = await this.links.use(manager, secret);
      if (!userId) throw new IdentityError('LINK_INVALID');
      return { userId, session: await this.sessions.start(manager, userId, meta, replacing) };
    });
  }
}
