import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Authenticated, DomainError, RateLimit, validateForm } from '@palabre/platform';
import {
  AcceptInvitation,
  AuthService,
  LINK_USE_LIMITS,
  MAGIC_LINK_LIMITS,
  MagicLinkRequestDto,
  MagicLinksService,
  MembersService,
  SessionCookies,
  SessionMeta,
  SignInSessionsService,
  SIGN_IN_LIMITS,
  SignInWithLink,
  StartedSession,
  TokenRequestDto,
} from '@palabre/identity';
import { pageContext } from '../home/page-context';
import { sessionMeta } from '../identity/session-meta';
import { safeNext, seeOther, sendAdminHtml, submitForm, validationProblem } from './admin-context';
import { validForm } from '../program-admin/form-check';
import { AdminPageFilter } from './admin-page.filter';
import { AnonymousPage, renderInvitationPage, renderLinkPage, renderSignInPage, SignInPageProps } from './sign-in-pages';
import { FormFields } from '../common/form-fields';

type FormBody = Record<string, string | undefined>;

const isGone = (e: unknown, code: string) => e instanceof DomainError && e.code === code;

/**
 * Signing in and out of the back office: password, emailed link, invitation. Forms shown
 * before sign-in carry a double-submit token (no login CSRF); after a POST, 303.
 */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller()
export class SignInPageController {
  constructor(
    private readonly auth: AuthService,
    private readonly magicLinks: MagicLinksService,
    private readonly signInWithLink: SignInWithLink,
    private readonly acceptInvitation: AcceptInvitation,
    private readonly members: MembersService,
    private readonly sessions: SignInSessionsService,
    private readonly cookies: SessionCookies,
  ) {}

  @Get('admin/sign-in')
  signInPage(@Req() req: FastifyRequest & { actor?: Actor }, @Res() reply: FastifyReply, @Query() query: Record<string, string | undefined>) {
    const next = safeNext(query.next);
    if (req.actor) return seeOther(reply, next ?? '/admin');
    const notice = query.sent === '1' ? 'link-sent' : query['signed-out'] === '1' ? 'signed-out' : undefined;
    this.render(req, reply, { next, notice });
  }

  @Post('admin/sign-in')
  @RateLimit(...SIGN_IN_LIMITS)
  async signIn(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @FormFields() body: FormBody) {
    this.cookies.verifyAnonymousForm(req);
    const next = safeNext(body.next);
    const { locale } = pageContext(req, reply);
    await submitForm(
      reply,
      locale,
      async () => {
        const form = await validForm(TokenRequestDto, { body }, ['next']);
        const { session } = await this.auth.signIn(form.email, form.password, sessionMeta(req), this.cookies.readSession(req));
        this.cookies.setSession(reply, session);
        return next ?? '/admin';
      },
      (document) =>
        this.page(req, reply, (page) => renderSignInPage({ ...page, email: body.email, next, problem: { form: 'password', document } }), '/admin/sign-in'),
    );
  }

  @Post('admin/sign-in/link')
  @RateLimit(...MAGIC_LINK_LIMITS)
  async requestLink(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @FormFields() body: FormBody) {
    this.cookies.verifyAnonymousForm(req);
    const { locale } = pageContext(req, reply);
    const form = await validateForm(MagicLinkRequestDto, body);
    if (!form.ok) {
      return this.render(req, reply, { problem: { form: 'link', document: validationProblem(form.errors, locale) } }, 400);
    }
    await this.magicLinks.request(form.value.email, locale);
    seeOther(reply, '/admin/sign-in?sent=1');
  }

  @Get('auth/link')
  async linkPage(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Query('token') token: unknown) {
    const secret = typeof token === 'string' ? token : '';
    const usable = await this.magicLinks.isUsable(secret);
    this.send(req, reply, (page) => renderLinkPage({ ...page, token: secret, usable }), usable ? 200 : 410);
  }

  @Post('auth/link')
  @RateLimit(...LINK_USE_LIMITS)
  async useLink(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @FormFields() body: FormBody) {
    const gone = (page: AnonymousPage) => renderLinkPage({ ...page, token: '', usable: false });
    await this.redeem(req, reply, body.token, this.signInWithLink, () => '/admin', 'LINK_INVALID', gone);
  }

  @Get('admin/invitation')
  async invitationPage(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Query('token') token: unknown) {
    const secret = typeof token === 'string' ? token : '';
    const invitation = await this.members.previewInvitation(secret);
    this.send(req, reply, (page) => renderInvitationPage({ ...page, token: secret, invitation }), invitation ? 200 : 410);
  }

  @Post('admin/invitation')
  @RateLimit(...LINK_USE_LIMITS)
  async accept(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @FormFields() body: FormBody) {
    const gone = (page: AnonymousPage) => renderInvitationPage({ ...page, token: '', invitation: null });
    await this.redeem(req, reply, body.token, this.acceptInvitation, (accepted) => `/admin/o/${accepted.organizationSlug}`, 'INVITATION_INVALID', gone);
  }

  @Post('admin/sign-out')
  @Authenticated()
  async signOut(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const secret = this.cookies.readSession(req);
    if (secret) await this.sessions.end(secret);
    this.cookies.clearSession(reply);
    seeOther(reply, '/admin/sign-in?signed-out=1');
  }

  /**
   * A token from an email spent by `useCase` for a session: the session cookie, then 303 to `next`;
   * an invalid or spent token (`goneCode`) shows the `gone` page (410).
   */
  private async redeem<R extends { session: StartedSession }>(
    req: FastifyRequest,
    reply: FastifyReply,
    token: string | undefined,
    useCase: { execute(secret: string, meta: SessionMeta, replacing?: string): Promise<R> },
    next: (redeemed: R) => string,
    goneCode: string,
    gone: (page: AnonymousPage) => string,
  ): Promise<void> {
    this.cookies.verifyAnonymousForm(req);
    try {
      const redeemed = await useCase.execute(token ?? '', sessionMeta(req), this.cookies.readSession(req));
      this.cookies.setSession(reply, redeemed.session);
      seeOther(reply, next(redeemed));
    } catch (error) {
      if (!isGone(error, goneCode)) throw error;
      this.send(req, reply, gone, 410, '/admin/sign-in');
    }
  }

  /** The sign-in page; refused, it names `/admin/sign-in` as its own (not the POST's path). */
  private render(req: FastifyRequest, reply: FastifyReply, props: Omit<SignInPageProps, keyof AnonymousPage>, status = 200): void {
    this.send(req, reply, (page) => renderSignInPage({ ...page, ...props }), status, status === 200 ? undefined : '/admin/sign-in');
  }

  /** A page shown before sign-in, with its language, its path for the language switch (`path`, else the request's) and the form token. */
  private send(req: FastifyRequest, reply: FastifyReply, render: (page: AnonymousPage) => string, status = 200, path?: string): void {
    sendAdminHtml(reply, this.page(req, reply, render, path), pageContext(req, reply).locale, status);
  }

  private page(req: FastifyRequest, reply: FastifyReply, render: (page: AnonymousPage) => string, path?: string): string {
    const context = pageContext(req, reply);
    return render({ locale: context.locale, path: path ?? context.path, csrf: this.cookies.anonymousFormToken(req, reply) });
  }
}
