import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, ApiProblems, Authenticated, CurrentActor, PageOf, RateLimit, resolveLocale, wholePage } from '@palabre/platform';
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
  @HttpCode(200)
  @RateLimit(...SIGN_IN_LIMITS)
  @ApiOkResponse({ type: AccessTokenResponse })
  @ApiProblems(400, 401, 429)
  @ApiOperation({ summary: 'A bearer token for the API, from an organizer’s email and password' })
  async token(@Body() dto: TokenRequestDto, @Req() req: FastifyRequest) {
    return toAccessTokenResponse(await this.auth.issueApiToken(dto.email, dto.password, sessionMeta(req)));
  }

  @Post('auth/magic-link')
  @HttpCode(202)
  @RateLimit(...MAGIC_LINK_LIMITS)
  @ApiAcceptedResponse({ type: CheckEmailResponse, description: 'Whether or not the address is known' })
  @ApiProblems(400, 429)
  @ApiOperation({ summary: 'Emails a single-use sign-in link (15 minutes) if the address has an account; always 202' })
  async magicLink(@Body() dto: MagicLinkRequestDto, @Req() req: FastifyRequest) {
    await this.magicLinks.request(dto.email, resolveLocale(req));
    return { status: 'check_email' };
  }

  @Get('organizations')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: PageOf(OrganizationResponse), description: 'All of them, on one page' })
  @ApiProblems(401)
  @ApiOperation({ summary: 'The caller’s organizations and role in each' })
  organizations(@CurrentActor() actor: Actor) {
    return wholePage(actor.memberships.map(toOrganizationResponse));
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeResponse })
  @ApiProblems(401)
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentActor() actor: Actor) {
    return toMeResponse(actor);
  }

  @Get('me/tokens')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: PageOf(ApiTokenResponse), description: 'All of them, on one page' })
  @ApiProblems(401)
  @ApiOperation({ summary: 'The caller’s API tokens that still work (the secrets themselves are never shown again)' })
  async listTokens(@CurrentActor() actor: Actor) {
    return wholePage((await this.tokens.list(actor.userId)).map(toTokenResponse));
  }

  @Delete('me/tokens/:id')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(401, 404)
  @ApiOperation({ summary: 'Revokes one of the caller’s API tokens' })
  async revokeToken(@CurrentActor() actor: Actor, @Param('id') id: string) {
    await this.tokens.revoke(actor.userId, id);
  }

  @Post('me/password')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Changed; with a session cookie, a fresh one is set' })
  @ApiProblems(400, 401, 403, 429)
  @ApiOperation({ summary: 'Changes the password; every session and API token issued before ends (a calling session gets a fresh cookie)' })
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
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Signed out everywhere' })
  @ApiProblems(401)
  @ApiOperation({ summary: 'Signs out everywhere: ends every back-office session of the caller' })
  async endSessions(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.sessions.endAll(actor.userId);
    if (actor.via === 'session') this.cookies.clearSession(reply);
  }
}
