import { Body, Controller, Delete, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor, PageOf, RateLimit, resolveLocale, wholePage } from '@palabre/platform';
import {
  AccessTokenResponse,
  ApiTokenResponse,
  ApiTokensService,
  AuthService,
  ChangePassword,
  ChangePasswordDto,
  CheckEmailResponse,
  MAGIC_LINK_LIMITS,
  MagicLinkRequestDto,
  MagicLinksService,
  MeResponse,
  OrganizationResponse,
  SessionCookies,
  SignInSessionsService,
  SIGN_IN_LIMITS,
  toAccessTokenResponse,
  TokenRequestDto,
  toMeResponse,
  toOrganizationResponse,
  toTokenResponse,
} from '@palabre/identity';
import { sessionMeta } from './session-meta';
import { ApiRoute } from '../common/api-route';

@ApiTags('auth')
@Controller('api/v1')
export class AuthApiController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwordChange: ChangePassword,
    private readonly magicLinks: MagicLinksService,
    private readonly tokens: ApiTokensService,
    private readonly sessions: SignInSessionsService,
    private readonly cookies: SessionCookies,
  ) {}

  @Post('auth/token')
  @ApiRoute({ summary: 'A bearer token for the API, from an organizer’s email and password', ok: AccessTokenResponse, problems: [400, 401, 429] })
  @RateLimit(...SIGN_IN_LIMITS)
  async token(@Body() dto: TokenRequestDto, @Req() req: FastifyRequest) {
    return toAccessTokenResponse(await this.auth.issueApiToken(dto.email, dto.password, sessionMeta(req)));
  }

  @Post('auth/magic-link')
  @ApiRoute({
    summary: 'Emails a single-use sign-in link (15 minutes) if the address has an account; always 202',
    accepted: { type: CheckEmailResponse, description: 'Whether or not the address is known' },
    problems: [400, 429],
  })
  @RateLimit(...MAGIC_LINK_LIMITS)
  async magicLink(@Body() dto: MagicLinkRequestDto, @Req() req: FastifyRequest) {
    await this.magicLinks.request(dto.email, resolveLocale(req));
    return { status: 'check_email' };
  }

  @Get('organizations')
  @ApiRoute({
    summary: 'The caller’s organizations and role in each',
    permission: 'signed-in',
    ok: { type: PageOf(OrganizationResponse), description: 'All of them, on one page' },
  })
  @ApiBearerAuth()
  organizations(@CurrentActor() actor: Actor) {
    return wholePage(actor.memberships.map(toOrganizationResponse));
  }

  @Get('me')
  @ApiRoute({ summary: 'The signed-in user', permission: 'signed-in', ok: MeResponse })
  @ApiBearerAuth()
  me(@CurrentActor() actor: Actor) {
    return toMeResponse(actor);
  }

  @Get('me/tokens')
  @ApiRoute({
    summary: 'The caller’s API tokens that still work (the secrets themselves are never shown again)',
    permission: 'signed-in',
    ok: { type: PageOf(ApiTokenResponse), description: 'All of them, on one page' },
  })
  @ApiBearerAuth()
  async listTokens(@CurrentActor() actor: Actor) {
    return wholePage((await this.tokens.list(actor.userId)).map(toTokenResponse));
  }

  @Delete('me/tokens/:id')
  @ApiRoute({ summary: 'Revokes one of the caller’s API tokens', permission: 'signed-in', noContent: 'Revoked', problems: [404] })
  @ApiBearerAuth()
  async revokeToken(@CurrentActor() actor: Actor, @Param('id') id: string) {
    await this.tokens.revoke(actor.userId, id);
  }

  @Post('me/password')
  @ApiRoute({
    summary: 'Changes the password; every session and API token issued before ends (a calling session gets a fresh cookie)',
    permission: 'signed-in',
    noContent: 'Changed; with a session cookie, a fresh one is set',
    problems: [400, 403, 429],
  })
  @ApiBearerAuth()
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const session = await this.passwordChange.execute(
      { userId: actor.userId, sessionId: actor.sessionId, ...dto, openSession: actor.via === 'session' },
      sessionMeta(req),
    );
    if (session) this.cookies.setSession(reply, session);
  }

  @Delete('me/sessions')
  @ApiRoute({ summary: 'Signs out everywhere: ends every back-office session of the caller', permission: 'signed-in', noContent: 'Signed out everywhere' })
  @ApiBearerAuth()
  async endSessions(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.sessions.endAll(actor.userId);
    if (actor.via === 'session') this.cookies.clearSession(reply);
  }
}
