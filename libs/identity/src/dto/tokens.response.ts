import { ApiProperty } from '@nestjs/swagger';
import type { ApiTokenView, IssuedToken } from '../tokens/api-tokens.service';

/** A bearer token just issued: the only time its secret is shown. */
export class AccessTokenResponse {
  @ApiProperty({ description: 'Send it as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

/** One of the caller's API tokens (never its secret). */
export class ApiTokenResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  label: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt: string | null;
}

export function toAccessTokenResponse(t: IssuedToken): AccessTokenResponse {
  return { accessToken: t.accessToken, tokenType: 'Bearer', expiresAt: t.expiresAt.toISOString() };
}

export function toTokenResponse(t: ApiTokenView): ApiTokenResponse {
  return { id: t.id, label: t.label, createdAt: t.createdAt.toISOString(), expiresAt: t.expiresAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null };
}
