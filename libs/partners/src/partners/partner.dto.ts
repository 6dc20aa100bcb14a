import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsInstant, IsLocalized, IsNotBlank, Locale, LOCALES, Localized } from '@palabre/platform';
import { INDICATOR_KINDS, IndicatorKind, OPPORTUNITY_KINDS, OpportunityKind, REGION_KEYS } from '../catalog/catalog';

const KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;

export class InvitePartnerDto {
  /** The organization's name: an existing organization of that name is invited, or one is created. */
  @IsString()
  @MaxLength(150)
  @IsNotBlank()
  name: string;

  /** Who receives the invitation (a new organization's first owner). */
  @IsEmail()
  @MaxLength(320)
  email: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  acronym?: string;
}

/** A partner's public profile; a field left out is unchanged, `null` clears it. */
export class UpdatePartnerProfileDto {
  @IsOptional()
  @IsString()
  @MaxLength(150)
  @IsNotBlank()
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  acronym?: string | null;

  @IsOptional()
  @IsLocalized({ maxLength: 3_000, optionalFr: true })
  mission?: Localized;

  /** Sector keys: the defaults and those the forum added. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(KEY, { each: true })
  sectors?: string[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(REGION_KEYS, { each: true })
  regions?: string[];

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(300)
  website?: string | null;

  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  contactEmail?: string | null;

  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ().-]{6,25}$/)
  contactPhone?: string | null;
}

export class AddSectorDto {
  @IsLocalized({ maxLength: 60 })
  label: Localized;
}

export class AddIndicatorDto {
  @IsLocalized({ maxLength: 200 })
  label: Localized;

  @IsOptional()
  @IsIn(INDICATOR_KINDS)
  kind?: IndicatorKind;

  /** The sector its people were trained in (for the figures by sector). */
  @IsOptional()
  @Matches(KEY)
  sector?: string;

  /** For a percentage: the indicator it is a share of. */
  @IsOptional()
  @Matches(KEY)
  shareOf?: string;
}

export class FigureValueDto {
  @Matches(KEY)
  indicator: string;

  /** People (a whole number), or a percentage (0–100, one decimal). */
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100_000_000)
  value: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  source?: string;
}

/** The figures of a year as they stand: every value given; an indicator left out has none. */
export class SaveFiguresDto {
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FigureValueDto)
  values: FigureValueDto[];
}

export class SendBackFiguresDto {
  @IsString()
  @MaxLength(2_000)
  @IsNotBlank()
  comment: string;
}

export class CreateOpportunityDto {
  @IsIn(OPPORTUNITY_KINDS)
  kind: OpportunityKind;

  @IsString()
  @MaxLength(200)
  @IsNotBlank()
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  description?: string;

  @IsIn(REGION_KEYS)
  region: string;

  @IsOptional()
  @Matches(KEY)
  sector?: string;

  /** The last day to apply, in the event's time zone (`2026-07-31`). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  deadline: string;

  @IsString()
  @MaxLength(1_000)
  @IsNotBlank()
  howToApply: string;

  @IsOptional()
  @IsBoolean()
  acceptsContacts?: boolean;
}

export class LeaveContactDto {
  @IsString()
  @MaxLength(120)
  @IsNotBlank()
  name: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ().-]{6,25}$/)
  phone?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  message?: string;

  /** The person agrees that the partner receives their contact. */
  @Equals(true)
  consent: boolean;
}

export const PROPOSED_SESSION_TYPES = ['workshop', 'panel', 'plenary', 'keynote'] as const;

/** A session a partner proposes: a draft of the programme, which the lead places and publishes. */
export class ProposeSessionDto {
  @IsLocalized({ maxLength: 300 })
  title: Localized;

  @IsOptional()
  @IsLocalized({ maxLength: 10_000, optionalFr: true })
  abstract?: Localized;

  @IsIn(PROPOSED_SESSION_TYPES)
  type: (typeof PROPOSED_SESSION_TYPES)[number];

  @IsInstant()
  startsAt: string;

  @IsInstant()
  endsAt: string;

  @IsOptional()
  @Matches(/^[a-z]{2,3}$/)
  language?: string;
}

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);

/** `?year=` of the impact figures (and `?lang=`, which every route accepts). */
export class ImpactQueryDto {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
