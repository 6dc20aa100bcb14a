import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Authenticated, CurrentActor } from '@palabre/platform';
import { ApiTokensService, AuthService, ChangePassword, ChangePasswordDto, SessionCookies, SignInSessionsService } from '@palabre/identity';
import { sessionMeta } from '../identity/session-meta';
import { AdminContext, AdminPage, adminContext, seeOther, sendAdminHtml, submitForm } from './admin-context';
import { validForm } from '../program-admin/form-check';
import { AdminPageFilter } from './admin-page.filter';
import { AccountNotice, AccountPageProps, renderAccountPage } from './account-page';
import { FormFields } from '../common/form-fields';
import { Notice } from '../common/notice';

type FormBody = Record<string, string | undefined>;
const NOTICES: AccountNotice[] = ['password-changed', 'token-revoked'];

/** My account: password, API tokens, sessions. Any signed-in user (speakers too). */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/account')
export class AccountPageController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwordChange: ChangePassword,
    private readonly tokens: ApiTokensService,
    private readonly sessions: SignInSessionsService,
    private readonly cookies: SessionCookies,
  ) {}

  @Get()
  @Authenticated()
  async page(@AdminPage() ctx: AdminContext, @Notice(NOTICES) notice: AccountNotice | undefined, @Res() reply: FastifyReply) {
    sendAdminHtml(reply, await this.html(ctx, { notice }), ctx.locale);
  }

  @Post('password')
  @Authenticated()
  async changePassword(@CurrentActor() actor: Actor, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = adminContext(req, reply, actor, '/admin/account');
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        const form = await validForm(ChangePasswordDto, { body }, ['username']);
        const session = await this.passwordChange.execute({ userId: actor.userId, sessionId: actor.sessionId, ...form, openSession: true }, sessionMeta(req));
        if (session) this.cookies.setSession(reply, session);
        return '/admin/account?done=password-changed';
      },
      (passwordProblem) => this.html(ctx, { passwordProblem }),
    );
  }

  @Post('tokens/:id/revoke')
  @Authenticated()
  async revokeToken(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() reply: FastifyReply) {
    await this.tokens.revoke(actor.userId, id);
    seeOther(reply, '/admin/account?done=token-revoked');
  }

  @Post('sign-out-everywhere')
  @Authenticated()
  async signOutEverywhere(@CurrentActor() actor: Actor, @Res() reply: FastifyReply) {
    await this.sessions.endAll(actor.userId);
    this.cookies.clearSession(reply);
    seeOther(reply, '/admin/sign-in?signed-out=1');
  }

  private async html(ctx: AdminContext, props: Partial<AccountPageProps>): Promise<string> {
    const [hasPassword, tokens, sessions] = await Promise.all([
      this.auth.hasPassword(ctx.actor.userId),
      this.tokens.list(ctx.actor.userId),
      this.sessions.countActive(ctx.actor.userId),
    ]);
    return renderAccountPage(ctx, { hasPassword, tokens, sessions, ...props });
  }
}
