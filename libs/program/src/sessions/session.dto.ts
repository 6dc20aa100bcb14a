import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsInstant, IsLocalized, IsOptionalNotNull, Localized } from '@palabre/platform';
import { SESSION_ROLES, SESSION_STATUSES, SESSION_TYPES, SessionRole, SessionStatus, SessionType } from './session-kinds';

export class SessionPersonDto {
  @IsUUID()
  speakerId: string;

  @IsIn(SESSION_ROLES)
  role: SessionRole;
}

const LANGUAGE = /^[a-z]{2,3}$/;

export class CreateSessionDto {
  @IsLocalized({ maxLength: 300 })
  title: Localized;

  @IsOptional() @IsLocalized({ maxLength: 10_000, optionalFr: true })
  abstract?: Localized;

  @IsIn(SESSION_TYPES)
  type: SessionType;

  @IsInstant()
  startsAt: string;

  @IsInstant()
  endsAt: string;

  /** A room of the event; absent or null: no room (a break in the hall). */
  @IsOptional() @IsUUID()
  roomId?: string | null;

  @IsOptional() @IsUUID()
  trackId?: string | null;

  @IsOptional() @IsString() @Matches(LANGUAGE)
  language?: string;

  /** Seats for sign-up (workshops); absent or null: no sign-up limit. */
  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  capacity?: number | null;

  @IsOptional() @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @IsOptional() @IsArray() @ArrayMaxSize(40) @ValidateNested({ each: true }) @Type(() => SessionPersonDto)
  people?: SessionPersonDto[];
}

/** A field left out is unchanged; `null` clears room, track and capacity; `people` replaces the list. */
export class UpdateSessionDto {
  @IsOptionalNotNull() @IsLocalized({ maxLength: 300 })
  title?: Localized;

  @IsOptionalNotNull() @IsLocalized({ maxLength: 10_000, optionalFr: true })
  abstract?: Localized;

  @IsOptionalNotNull() @IsIn(SESSION_TYPES)
  type?: SessionType;

  @IsOptionalNotNull() @IsInstant()
  startsAt?: string;

  @IsOptionalNotNull() @IsInstant()
  endsAt?: string;

  @IsOptional() @IsUUID()
  roomId?: string | null;

  @IsOptional() @IsUUID()
  trackId?: string | null;

  @IsOptionalNotNull() @IsString() @Matches(LANGUAGE)
  language?: string;

  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  capacity?: number | null;

  @IsOptionalNotNull() @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(40) @ValidateNested({ each: true }) @Type(() => SessionPersonDto)
  people?: SessionPersonDto[];
}

export class PublishReleaseDto {
  @IsOptional() @IsString() @MaxLength(2_000)
  note?: string;
}

