import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, UuidProperty } from '@palabre/platform';
import type { ApiTokenView, IssuedToken } from '../tokens/api-tokens.service';

/** A bearer token just issued: the only time its secret is shown. */
export class AccessTokenResponse {
  @ApiProperty({ description: 'Send it as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @DateTimeProperty() expiresAt: string;
}

/** One of the caller's API tokens (never its secret). */
export class ApiTokenResponse {
  @UuidProperty() id: string;
  @ApiProperty() label: string;
  @DateTimeProperty() createdAt: string;
  @DateTimeProperty() expiresAt: string;
  @DateTimeProperty({ nullable: true }) lastUsedAt: string | null;
}

export function toAccessTokenResponse(t: IssuedToken): AccessTokenResponse {
  return { accessToken: t.accessToken, tokenType: 'Bearer', expiresAt: t.expiresAt.toISOString() };
}

export function toTokenResponse(t: ApiTokenView): ApiTokenResponse {
  return {
    id: t.id,
    label: t.label,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}
