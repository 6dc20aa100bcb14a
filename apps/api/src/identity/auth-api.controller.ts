import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Authenticated, CurrentActor, RateLimit, resolveLocale } from '@palabre/platform';
import {
  ApiTokensService,
  AuthService,
  ChangePassword,
  ChangePasswordDto,
  MAGIC_LINK_LIMITS,
  MagicLinkRequestDto,
  MagicLinksService,
  SessionCookies,
  SignInSessionsService,
  SIGN_IN_LIMITS,
  TokenRequestDto,
} from '@palabre/identity';
import { sessionMeta, toTokenResponse } from './responses';

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
  @ApiOperation({ summary: 'A bearer token for the API, from an organizer’s email and password' })
  async token(@Body() dto: TokenRequestDto, @Req() req: FastifyRequest) {
    const issued = await this.auth.issueApiToken(dto.email, dto.password, sessionMeta(req));
    return { accessToken: issued.accessToken, tokenType: 'Bearer', expiresAt: issued.expiresAt.toISOString() };
  }

  @Post('auth/magic-link')
  @HttpCode(202)
  @RateLimit(...MAGIC_LINK_LIMITS)
  @ApiOperation({ summary: 'Emails a single-use sign-in link (15 minutes) if the address has an account; always 202' })
  async magicLink(@Body() dto: MagicLinkRequestDto, @Req() req: FastifyRequest) {
    await this.magicLinks.request(dto.email, resolveLocale(req));
    return { status: 'check_email' };
  }

  @Get('organizations')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller’s organizations and role in each' })
  organizations(@CurrentActor() actor: Actor) {
    const items = actor.memberships.map((m) => ({ slug: m.organizationSlug, name: m.organizationName, role: m.role }));
    return { items, total: items.length, page: 1, pageSize: items.length };
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentActor() actor: Actor) {
    return {
      id: actor.userId,
      email: actor.email,
      name: actor.name,
      locale: actor.locale,
      organizations: actor.memberships.map((m) => ({ slug: m.organizationSlug, name: m.organizationName, role: m.role })),
    };
  }

  @Get('me/tokens')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller’s API tokens that still work (the secrets themselves are never shown again)' })
  async listTokens(@CurrentActor() actor: Actor) {
    const items = (await this.tokens.list(actor.userId)).map(toTokenResponse);
    return { items, total: items.length, page: 1, pageSize: items.length };
  }

  @Delete('me/tokens/:id')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revokes one of the caller’s API tokens' })
  async revokeToken(@CurrentActor() actor: Actor, @Param('id') id: string) {
    await this.tokens.revoke(actor.userId, id);
  }

  @Post('me/password')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Changes the password; every session and API token issued before ends (a calling session gets a fresh cookie)' })
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const session = await this.passwordChange.execute({ userId: actor.userId, sessionId: actor.sessionId, ...dto, openSession: actor.via === 'session' }, sessionMeta(req));
    if (session) this.cookies.setSession(reply, session);
  }

  @Delete('me/sessions')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Signs out everywhere: ends every back-office session of the caller' })
  async endSessions(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.sessions.endAll(actor.userId);
    if (actor.via === 'session') this.cookies.clearSession(reply);
  }
}
