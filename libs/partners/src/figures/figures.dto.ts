import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsNotBlank, Locale, LOCALES } from '@palabre/platform';
import { KEY } from '../catalog/catalog';

export class FigureValueDto {
  @Matches(KEY) indicator: string;

  /** People (a whole number), or a percentage (0–100, one decimal). */
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 }) @Min(0) @Max(100_000_000) value: number;
  @IsOptional() @IsString() @MaxLength(500) note?: string;
  @IsOptional() @IsString() @MaxLength(300) source?: string;
}

/** The figures of a year as they stand: every value given; an indicator left out has none. */
export class SaveFiguresDto {
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => FigureValueDto) values: FigureValueDto[];
}

export class SendBackFiguresDto {
  @IsString() @MaxLength(2_000) @IsNotBlank() comment: string;
}

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);

/** `?year=` of the impact figures (and `?lang=`, which every route accepts). */
export class ImpactQueryDto {
  @IsOptional() @Transform(toInt) @IsInt() @Min(2000) @Max(2100) year?: number;
  @IsOptional() @IsIn(LOCALES) lang?: Locale;
}
