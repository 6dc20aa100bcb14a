import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsPageNumber, LOCALES, type Locale } from '@palabre/platform';
import { ORGANIZATION_TYPES } from '../registrations/participant-categories';
import { REGISTRATION_STATUSES, RegistrationStatus } from '../registrations/registration.entity';

/** A form's empty choice (« toutes ») means no filter. */
const blank = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * The filters of the organizers' registrations list, its CSV export and its page:
 * `?status=&q=&sessionId=&organizationType=&region=&question=&answer=&page=&pageSize=`.
 */
export class RegistrationsFilterDto {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES }) @IsOptional() @Transform(blank) @IsIn(REGISTRATION_STATUSES) status?: RegistrationStatus;

  @ApiPropertyOptional({ description: 'Part of the name, email, phone, reference or organization (case and accents ignored)' })
  @IsOptional()
  @Transform(blank)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Signed up to (or waiting for) this workshop' })
  @IsOptional()
  @Transform(blank)
  @IsUUID()
  sessionId?: string;

  @ApiPropertyOptional({ enum: Object.keys(ORGANIZATION_TYPES) })
  @IsOptional()
  @Transform(blank)
  @IsIn(Object.keys(ORGANIZATION_TYPES))
  organizationType?: string;

  @ApiPropertyOptional({ description: 'The region, as typed (case and accents ignored)' })
  @IsOptional()
  @Transform(blank)
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ description: 'A custom question’s id, with `answer`' })
  @IsOptional()
  @Transform(blank)
  @IsString()
  @MaxLength(40)
  @Matches(/^[a-z0-9_-]+$/)
  question?: string;

  @ApiPropertyOptional({
    description: 'The answer to `question`: a choice’s value, `true`/`false`, a number, or part of a text answer',
  })
  @IsOptional()
  @Transform(blank)
  @IsString()
  @MaxLength(200)
  answer?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsPageNumber() page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsPageNumber(200) pageSize?: number;
  @ApiPropertyOptional({ enum: LOCALES, description: 'Language of labels (the CSV’s headers and answers)' }) @IsOptional() @IsIn(LOCALES) lang?: Locale;
}
