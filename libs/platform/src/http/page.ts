import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** A page of a list: `{ items, total, page, pageSize }` (`?page=&pageSize=`). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A list that is not paginated yet answered in the same shape: one page holding everything. */
export function wholePage<T>(items: T[]): Page<T> {
  return { items, total: items.length, page: 1, pageSize: items.length };
}

const pageClasses = new Map<Type<unknown>, Type<Page<unknown>>>();

/**
 * The response class of a page of `item`s, for the OpenAPI document: `PageOf(SessionResponse)`
 * is the schema `SessionPageResponse`. One class per item class, however often it is asked for.
 */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  const known = pageClasses.get(item);
  if (known) return known as Type<Page<T>>;
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ type: 'integer', description: 'How many items the whole list holds', example: 42 })
    total: number;

    @ApiProperty({ type: 'integer', description: 'This page’s number, from 1', example: 1 })
    page: number;

    @ApiProperty({ type: 'integer', description: 'Items per page', example: 50 })
    pageSize: number;
  }
  Object.defineProperty(PageOfItems, 'name', { value: `${item.name.replace(/Response$/, '')}PageResponse` });
  pageClasses.set(item, PageOfItems);
  return PageOfItems;
}
