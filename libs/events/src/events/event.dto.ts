import { Type } from 'class-transformer';
import { IsBoolean, IsHexColor, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsLocalized, IsTimeZone, Localized } from '@palabre/platform';

export class CreateEventDto {
  @IsString() @MaxLength(60) @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'isSlug' })
  slug: string;

  @IsOptional() @IsString() @MaxLength(20) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'isSlug' })
  acronym?: string;

  @IsLocalized({ maxLength: 200 })
  title: Localized;

  @IsOptional() @IsLocalized({ maxLength: 20_000, optionalFr: true })
  description?: Localized;

  @IsISO8601({ strict: true })
  startsAt: string;

  @IsISO8601({ strict: true })
  endsAt: string;

  @IsTimeZone()
  timeZone: string;

  @IsOptional() @IsString() @MaxLength(200)
  venueName?: string;

  @IsOptional() @IsString() @MaxLength(500)
  venueAddress?: string;

  @IsOptional() @IsHexColor()
  colour?: string;

  @IsOptional() @IsISO8601({ strict: true })
  registrationOpensAt?: string;

  @IsOptional() @IsISO8601({ strict: true })
  registrationClosesAt?: string;

  @IsOptional() @IsInt() @Min(1) @Max(1_000_000) @Type(() => Number)
  capacity?: number;

  @IsOptional() @IsBoolean()
  confirmEmail?: boolean;

  @IsOptional() @IsInt() @Min(1) @Max(24 * 30)
  holdHours?: number;
}
