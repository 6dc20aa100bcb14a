import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { IsLocalized, IsNotBlank, Localized } from '@palabre/platform';
import { INDICATOR_KINDS, IndicatorKind, KEY, REGION_KEYS } from '../catalog/catalog';

export class InvitePartnerDto {
  /** The organization's name: an existing organization of that name is invited, or one is created. */
  @IsString() @MaxLength(150) @IsNotBlank() name: string;

  /** Who receives the invitation (a new organization's first owner). */
  @IsEmail() @MaxLength(320) email: string;
  @IsOptional() @IsString() @MaxLength(20) acronym?: string;
}

/** A partner's public profile; a field left out is unchanged, `null` clears it. */
export class UpdatePartnerProfileDto {
  @IsOptional() @IsString() @MaxLength(150) @IsNotBlank() name?: string;
  @IsOptional() @IsString() @MaxLength(20) acronym?: string | null;
  @IsOptional() @IsLocalized({ maxLength: 3_000, optionalFr: true }) mission?: Localized;

  /** Sector keys: the defaults and those the forum added. */
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @Matches(KEY, { each: true }) sectors?: string[];
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(REGION_KEYS, { each: true }) regions?: string[];
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(300) website?: string | null;
  @IsOptional() @IsEmail() @MaxLength(320) contactEmail?: string | null;
  @IsOptional() @IsString() @Matches(/^\+?[0-9 ().-]{6,25}$/) contactPhone?: string | null;
}

export class AddSectorDto {
  @IsLocalized({ maxLength: 60 }) label: Localized;
}

export class AddIndicatorDto {
  @IsLocalized({ maxLength: 200 }) label: Localized;
  @IsOptional() @IsIn(INDICATOR_KINDS) kind?: IndicatorKind;

  /** The sector its people were trained in (for the figures by sector). */
  @IsOptional() @Matches(KEY) sector?: string;

  /** For a percentage: the indicator it is a share of. */
  @IsOptional() @Matches(KEY) shareOf?: string;
}
