import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsLocalized, IsNotBlank, IsOptionalNotNull, Localized } from '@palabre/platform';

export class SpeakerLinkDto {
  @IsString() @MaxLength(500) @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url: string;

  @IsOptional() @IsString() @MaxLength(100)
  title?: string;
}

const LANGUAGE = /^[a-z]{2,3}$/;
const PHONE = /^\+?[0-9][0-9 ().-]{5,24}$/;

export class CreateSpeakerDto {
  @IsString() @MaxLength(120) @IsNotBlank()
  name: string;

  @IsOptional() @IsString() @MaxLength(200)
  title?: string;

  @IsOptional() @IsString() @MaxLength(200)
  organization?: string;

  @IsOptional() @IsLocalized({ maxLength: 5_000, optionalFr: true })
  bio?: Localized;

  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => SpeakerLinkDto)
  links?: SpeakerLinkDto[];

  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @Matches(LANGUAGE, { each: true })
  languages?: string[];

  @IsOptional() @IsString() @MaxLength(254) @IsEmail()
  email?: string | null;

  @IsOptional() @IsString() @MaxLength(30) @Matches(PHONE)
  phone?: string | null;

  @IsOptional() @IsIn(['fr', 'en'])
  locale?: 'fr' | 'en';
}

export class UpdateSpeakerDto {
  @IsOptionalNotNull() @IsString() @MaxLength(120) @IsNotBlank()
  name?: string;

  @IsOptionalNotNull() @IsString() @MaxLength(200)
  title?: string;

  @IsOptionalNotNull() @IsString() @MaxLength(200)
  organization?: string;

  @IsOptionalNotNull() @IsLocalized({ maxLength: 5_000, optionalFr: true })
  bio?: Localized;

  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => SpeakerLinkDto)
  links?: SpeakerLinkDto[];

  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @Matches(LANGUAGE, { each: true })
  languages?: string[];

  @IsOptional() @IsString() @MaxLength(254) @IsEmail()
  email?: string | null;

  @IsOptional() @IsString() @MaxLength(30) @Matches(PHONE)
  phone?: string | null;

  @IsOptionalNotNull() @IsIn(['fr', 'en'])
  locale?: 'fr' | 'en';
}
