import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsHexColor,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsInstant, IsLocalized, IsOptionalNotNull, IsTimeZone, Localized } from '@palabre/platform';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class QuestionChoiceDto {
  @IsString() @MaxLength(60) @Matches(/^[a-z0-9_-]+$/)
  value: string;

  @IsLocalized({ maxLength: 200 })
  label: Localized;
}

/** A custom question of the registration form. */
export class RegistrationQuestionDto {
  @IsString() @MaxLength(40) @Matches(/^[a-z0-9_-]+$/)
  id: string;

  @IsLocalized({ maxLength: 300 })
  label: Localized;

  @IsIn(['text', 'choice'])
  kind: 'text' | 'choice';

  @IsBoolean()
  required: boolean;

  /** Required (at least one) for a `choice` question. */
  @ValidateIf((q: RegistrationQuestionDto) => q.kind === 'choice' || q.choices !== undefined)
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => QuestionChoiceDto)
  choices?: QuestionChoiceDto[];
}

export class CreateEventDto {
  @IsString() @MaxLength(60) @Matches(SLUG)
  slug: string;

  @IsOptional() @IsString() @MaxLength(20) @Matches(/^[A-Za-z0-9_-]+$/)
  acronym?: string;

  @IsLocalized({ maxLength: 200 })
  title: Localized;

  @IsOptional() @IsLocalized({ maxLength: 20_000, optionalFr: true })
  description?: Localized;

  @IsInstant()
  startsAt: string;

  @IsInstant()
  endsAt: string;

  @IsTimeZone()
  timeZone: string;

  @IsOptional() @IsString() @MaxLength(200)
  venueName?: string;

  @IsOptional() @IsString() @MaxLength(500)
  venueAddress?: string;

  @IsOptional() @IsHexColor()
  colour?: string;

  @IsOptional() @IsInstant()
  registrationOpensAt?: string | null;

  @IsOptional() @IsInstant()
  registrationClosesAt?: string | null;

  /** Seats for the whole event; absent or null means no limit. */
  @IsOptional() @IsInt() @Min(1) @Max(1_000_000)
  capacity?: number | null;

  @IsOptional() @IsBoolean()
  confirmEmail?: boolean;

  @IsOptional() @IsInt() @Min(1) @Max(24 * 30)
  holdHours?: number;

  @IsOptional() @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => RegistrationQuestionDto)
  questions?: RegistrationQuestionDto[];

  @IsOptional() @IsLocalized({ maxLength: 5_000 })
  consentText?: Localized | null;
}

/**
 * Every field of the event but its slug (links and exports use it); a field left out is
 * unchanged, `null` clears the optional ones (registration window, capacity, consent text).
 */
export class UpdateEventDto {
  @IsOptionalNotNull() @IsString() @MaxLength(20) @Matches(/^[A-Za-z0-9_-]+$/)
  acronym?: string;

  @IsOptionalNotNull() @IsLocalized({ maxLength: 200 })
  title?: Localized;

  @IsOptionalNotNull() @IsLocalized({ maxLength: 20_000, optionalFr: true })
  description?: Localized;

  @IsOptionalNotNull() @IsInstant()
  startsAt?: string;

  @IsOptionalNotNull() @IsInstant()
  endsAt?: string;

  @IsOptionalNotNull() @IsTimeZone()
  timeZone?: string;

  @IsOptionalNotNull() @IsString() @MaxLength(200)
  venueName?: string;

  @IsOptionalNotNull() @IsString() @MaxLength(500)
  venueAddress?: string;

  @IsOptionalNotNull() @IsHexColor()
  colour?: string;

  @IsOptional() @IsInstant()
  registrationOpensAt?: string | null;

  @IsOptional() @IsInstant()
  registrationClosesAt?: string | null;

  @IsOptional() @IsInt() @Min(1) @Max(1_000_000)
  capacity?: number | null;

  @IsOptionalNotNull() @IsBoolean()
  confirmEmail?: boolean;

  @IsOptionalNotNull() @IsInt() @Min(1) @Max(24 * 30)
  holdHours?: number;

  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => RegistrationQuestionDto)
  questions?: RegistrationQuestionDto[];

  @IsOptional() @IsLocalized({ maxLength: 5_000 })
  consentText?: Localized | null;
}
