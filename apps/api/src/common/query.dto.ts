import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Locale } from '@palabre/platform';

/** `?lang=` is accepted everywhere: it picks the language of messages and exports. */
export class LangQueryDto {
  @IsOptional() @IsIn(['fr', 'en'])
  lang?: Locale;
}

export class PageQueryDto extends LangQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  pageSize?: number;
}

export class AgendaQueryDto extends LangQueryDto {
  @IsString() @MaxLength(100)
  token: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Lists are paginated (`?page=&pageSize=`); a program fits in the default page of 200. */
export function paginate<T>(all: T[], query: PageQueryDto, defaultSize = 200): Page<T> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? defaultSize;
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
}
