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
import { CreateDto, IsInstant, IsLocalized, IsTimeZone, Localized, UpdateDto } from '@palabre/platform';
import { CHOICE_KINDS, QUESTION_KINDS, QuestionKind } from './event.entity';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class QuestionChoiceDto {
  @IsString() @MaxLength(60) @Matches(/^[a-z0-9_-]+$/) value: string;
  @IsLocalized({ maxLength: 200 }) label: Localized;
}

/** A custom question of the registration form. */
export class RegistrationQuestionDto {
  @IsString() @MaxLength(40) @Matches(/^[a-z0-9_-]+$/) id: string;
  @IsLocalized({ maxLength: 300 }) label: Localized;
  @IsIn(QUESTION_KINDS) kind: QuestionKind;
  @IsBoolean() required: boolean;

  /** Required (at least one) for a `choice` or `multi` question. */
  @ValidateIf((q: RegistrationQuestionDto) => CHOICE_KINDS.includes(q.kind) || q.choices !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => QuestionChoiceDto)
  choices?: QuestionChoiceDto[];
}

/** An event's fields and their rules; the create and update bodies below take them from here. */
class EventFields {
  @IsString() @MaxLength(60) @Matches(SLUG) slug: string;
  @IsString() @MaxLength(20) @Matches(/^[A-Za-z0-9_-]+$/) acronym: string;
  @IsLocalized({ maxLength: 200 }) title: Localized;
  @IsLocalized({ maxLength: 20_000, optionalFr: true }) description: Localized;
  @IsInstant() startsAt: string;
  @IsInstant() endsAt: string;
  @IsTimeZone() timeZone: string;
  @IsString() @MaxLength(200) venueName: string;
  @IsString() @MaxLength(500) venueAddress: string;
  @IsHexColor() colour: string;
  @IsOptional() @IsInstant() registrationOpensAt: string | null;
  @IsOptional() @IsInstant() registrationClosesAt: string | null;

  /** Seats for the whole event; null means no limit. */
  @IsOptional() @IsInt() @Min(1) @Max(1_000_000) capacity: number | null;
  @IsBoolean() confirmEmail: boolean;
  @IsInt() @Min(1) @Max(24 * 30) holdHours: number;

  /** Days without an answer before a speaker is reminded of a role; 0: no reminders. */
  @IsInt() @Min(0) @Max(60) speakerReminderDays: number;

  /** At most this many automatic reminders per role. */
  @IsInt() @Min(0) @Max(5) speakerReminderMax: number;
  /** Minutes after a workshop starts when the seats of no-shows (signed up, not checked in at its door) go to its waiting list; null: never. */
  @IsOptional() @IsInt() @Min(1) @Max(24 * 60) noShowReleaseMinutes: number | null;
  @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => RegistrationQuestionDto) questions: RegistrationQuestionDto[];
  @IsOptional() @IsLocalized({ maxLength: 5_000 }) consentText: Localized | null;
}

/** Slug, title, dates and time zone are required; any other field left out takes its default. */
export class CreateEventDto extends CreateDto(EventFields, ['slug', 'title', 'startsAt', 'endsAt', 'timeZone']) {}

/**
 * Every field of the event but its slug (links and exports use it); a field left out is
 * unchanged, `null` clears the optional ones (registration window, capacity, consent text).
 */
export class UpdateEventDto extends UpdateDto(EventFields, ['slug']) {}
