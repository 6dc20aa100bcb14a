import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Locale, LOCALES } from '../i18n/locale';

/** A whole number as a query string or a form sends it; an empty one (a form's blank field) is none. */
const toInt = ({ value }: { value: unknown }) => (value === '' ? undefined : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value);

/**
 * `?page=` (up to `max`, 100 000 by default) or `?pageSize=` of a paginated list: optional, a
 * whole number from 1. Listed in the order the decorators written one above the other apply.
 */
export const IsPageNumber = (max = 100_000) => applyDecorators(Max(max), Min(1), IsInt(), Transform(toInt), IsOptional());

/** `?page=&pageSize=` of a paginated list (and `?lang=`, which every route accepts). */
export class PageQueryDto {
  @IsPageNumber() page?: number;
  @IsPageNumber(200) pageSize?: number;
  @IsOptional() @IsIn(LOCALES) lang?: Locale;
}
