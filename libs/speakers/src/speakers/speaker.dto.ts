import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CreateDto, IsLocalized, IsNotBlank, Localized, UpdateDto } from '@palabre/platform';

export class SpeakerLinkDto {
  @IsString() @MaxLength(500) @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) url: string;
  @IsOptional() @IsString() @MaxLength(100) title?: string;
}

const LANGUAGE = /^[a-z]{2,3}$/;
const PHONE = /^\+?[0-9][0-9 ().-]{5,24}$/;

/** A speaker's fields and their rules, for the profile's create and update bodies. */
class SpeakerFields {
  @IsString() @MaxLength(120) @IsNotBlank() name: string;
  @IsString() @MaxLength(200) title: string;
  @IsString() @MaxLength(200) organization: string;
  @IsLocalized({ maxLength: 5_000, optionalFr: true }) bio: Localized;
  @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => SpeakerLinkDto) links: SpeakerLinkDto[];
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @Matches(LANGUAGE, { each: true }) languages: string[];
  @IsOptional() @IsString() @MaxLength(254) @IsEmail() email: string | null;
  @IsOptional() @IsString() @MaxLength(30) @Matches(PHONE) phone: string | null;
  @IsIn(['fr', 'en']) locale: 'fr' | 'en';
}

export class CreateSpeakerDto extends CreateDto(SpeakerFields, ['name']) {}
export class UpdateSpeakerDto extends UpdateDto(SpeakerFields) {}

/** What a speaker edits of their own profile: not the private contact details the organizers keep. */
export class UpdateOwnProfileDto extends UpdateDto(SpeakerFields, ['email', 'phone', 'locale']) {}
