import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CreateDto, IsInstant, IsLocalized, Localized, UpdateDto } from '@palabre/platform';
import { SESSION_ROLES, SESSION_STATUSES, SESSION_TYPES, SessionRole, SessionStatus, SessionType } from './session-kinds';

export class SessionPersonDto {
  @IsUUID() speakerId: string;
  @IsIn(SESSION_ROLES) role: SessionRole;
}

const LANGUAGE = /^[a-z]{2,3}$/;

/** A session's fields and their rules, for its create and update bodies. */
class SessionFields {
  @IsLocalized({ maxLength: 300 }) title: Localized;
  @IsLocalized({ maxLength: 10_000, optionalFr: true }) abstract: Localized;
  @IsIn(SESSION_TYPES) type: SessionType;
  @IsInstant() startsAt: string;
  @IsInstant() endsAt: string;

  /** A room of the event; null: no room (a break in the hall). */
  @IsOptional() @IsUUID() roomId: string | null;
  @IsOptional() @IsUUID() trackId: string | null;
  @IsString() @Matches(LANGUAGE) language: string;

  /** Seats for sign-up (workshops); null: no sign-up limit. */
  @IsOptional() @IsInt() @Min(1) @Max(100_000) capacity: number | null;
  @IsIn(SESSION_STATUSES) status: SessionStatus;
  @IsArray() @ArrayMaxSize(40) @ValidateNested({ each: true }) @Type(() => SessionPersonDto) people: SessionPersonDto[];
}

/** Title, type and times are required; left out, room, track and capacity are none. */
export class CreateSessionDto extends CreateDto(SessionFields, ['title', 'type', 'startsAt', 'endsAt']) {}

/** A field left out is unchanged; `null` clears room, track and capacity; `people` replaces the list. */
export class UpdateSessionDto extends UpdateDto(SessionFields) {}

export class PublishReleaseDto {
  @IsOptional() @IsString() @MaxLength(2_000) note?: string;
}
