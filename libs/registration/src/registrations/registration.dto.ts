import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { CreateDto, IsNotBlank, LOCALES, UpdateDto } from '@palabre/platform';
import { AGE_GROUPS, GENDERS, ORGANIZATION_TYPES } from './participant-categories';

/** Digits, spaces, dots, dashes, brackets, with an optional leading +; parsed to E.164 by the service. */
const PHONE = /^\+?[0-9][0-9 ().-]{4,24}$/;

/** A participant's own details, for registering and for correcting them later. */
class ParticipantFields {
  @IsString() @MaxLength(100) @IsNotBlank() firstName: string;
  @IsString() @MaxLength(100) @IsNotBlank() lastName: string;
  @IsString() @MaxLength(254) @IsEmail() email: string;
  @IsString() @Matches(PHONE, { message: 'must be a phone number' }) phone: string;
  @IsString() @MaxLength(200) organization: string;
  @IsIn(Object.keys(ORGANIZATION_TYPES)) organizationType: string;
  @IsIn(Object.keys(GENDERS)) gender: string;
  @IsIn(Object.keys(AGE_GROUPS)) ageGroup: string;
  @IsString() @MaxLength(100) region: string;
  @IsIn(LOCALES) locale: 'fr' | 'en';

  /** By question id: text, a choice's value, a list of choices' values, true/false or a number, as the question asks. */
  @IsObject() answers: Record<string, unknown>;
}

/** `POST /api/v1/events/{slug}/registrations`: firstName, lastName, consent, and an email or a phone. */
export class RegisterDto extends CreateDto(ParticipantFields, ['firstName', 'lastName']) {
  /** The participant agrees to the event's consent text (required, true). */
  @IsBoolean() @Equals(true, { message: 'must be accepted' }) consent: boolean;

  /** Workshops with limited seats to sign up for at once. */
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true }) sessionIds?: string[];
}

/** The participant corrects their details (not the email: it is how the links reach them). */
export class UpdateParticipantDto extends UpdateDto(ParticipantFields, ['email']) {}

/** An organizer adds someone at the desk: email optional, consent given on paper or aloud. */
export class AddRegistrationDto extends CreateDto(ParticipantFields, ['firstName', 'lastName']) {
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true }) sessionIds?: string[];
}

/** `PUT /api/v1/registrations/{token}/sessions`. */
export class ChooseSessionsDto {
  @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true }) sessionIds: string[];
}

/** `POST /api/v1/registrations/sms-codes/{verificationId}`: the six digits received by SMS. */
export class SmsCodeDto {
  @IsString() @MaxLength(20) code: string;
}
