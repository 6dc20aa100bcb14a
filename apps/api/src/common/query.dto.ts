import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsPageNumber, type Locale, type Page } from '@palabre/platform';

/** `?lang=` is accepted everywhere: it picks the language of messages and exports. */
export class LangQueryDto {
  @IsOptional() @IsIn(['fr', 'en']) lang?: Locale;
}

/** Whole numbers in decimal digits (`?page=1e3` or `0x10` is no page number), as every paginated list reads them. */
export class PageQueryDto extends LangQueryDto {
  @IsPageNumber() page?: number;
  @IsPageNumber(500) pageSize?: number;
}

export class AgendaQueryDto extends LangQueryDto {
  @IsString() @MaxLength(100) token: string;
}

/**
 * Whether a page of a public list may be kept in the response cache: only at the default size
 * (each of hundreds of sizes would copy the same list again) and not past the last page
 * (anyone can number pages, and each number would be an entry).
 */
export function keepPage(page: Page<unknown>, defaultSize: number): boolean {
  return page.pageSize === defaultSize && (page.page === 1 || (page.page - 1) * page.pageSize < page.total);
}

/** The query a page's canonical address carries: the page number when it is not the first, nothing else. */
export function pageQuery(query: PageQueryDto): string {
  return query.pageSize === undefined && query.page !== undefined && query.page > 1 ? `page=${query.page}` : '';
}

/** Lists are paginated (`?page=&pageSize=`); a program fits in the default page of 200. */
export function paginate<T>(all: T[], query: PageQueryDto, defaultSize = 200): Page<T> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? defaultSize;
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
}
