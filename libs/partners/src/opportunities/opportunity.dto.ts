import { Equals, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsNotBlank } from '@palabre/platform';
import { KEY, OPPORTUNITY_KINDS, OpportunityKind, REGION_KEYS } from '../catalog/catalog';

export class CreateOpportunityDto {
  @IsIn(OPPORTUNITY_KINDS) kind: OpportunityKind;
  @IsString() @MaxLength(200) @IsNotBlank() title: string;
  @IsOptional() @IsString() @MaxLength(5_000) description?: string;
  @IsIn(REGION_KEYS) region: string;
  @IsOptional() @Matches(KEY) sector?: string;

  /** The last day to apply, in the event's time zone (`2026-07-31`). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/) deadline: string;
  @IsString() @MaxLength(1_000) @IsNotBlank() howToApply: string;
  @IsOptional() @IsBoolean() acceptsContacts?: boolean;
}

export class LeaveContactDto {
  @IsString() @MaxLength(120) @IsNotBlank() name: string;
  @IsOptional() @IsEmail() @MaxLength(320) email?: string;
  @IsOptional() @IsString() @Matches(/^\+?[0-9 ().-]{6,25}$/) phone?: string;
  @IsOptional() @IsString() @MaxLength(1_000) message?: string;

  /** The person agrees that the partner receives their contact. */
  @Equals(true) consent: boolean;
}
