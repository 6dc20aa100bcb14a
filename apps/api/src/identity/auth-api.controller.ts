import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@palabre/platform';
import { AuthService, TokenRequestDto } from '@palabre/identity';

@ApiTags('auth')
@Controller('api/v1')
export class AuthApiController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/token')
  @HttpCode(200)
  @ApiOperation({ summary: 'A bearer token for the API, from an organizer’s email and password' })
  async token(@Body() dto: TokenRequestDto) {
    const issued = await this.auth.issueApiToken(dto.email, dto.password);
    return { accessToken: issued.accessToken, tokenType: 'Bearer', expiresAt: issued.expiresAt.toISOString() };
  }

  @Get('organizations')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller’s organizations and role in each' })
  organizations(@CurrentActor() actor: Actor) {
    const items = actor.memberships.map((m) => ({ slug: m.organizationSlug, name: m.organizationName, role: m.role }));
    return { items, total: items.length, page: 1, pageSize: items.length };
  }
}
