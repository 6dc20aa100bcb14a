import { Localized } from '../i18n/locale';

export interface FieldError {
  field: string;
  message: Localized;
  params?: Record<string, unknown>;
}

export interface ErrorDefinition {
  status: number;
  title: Localized;
  /** May use {placeholders} filled from the error's params. */
  detail?: Localized;
}

/** No keys but the shape's: a misspelt `"detial"` in a catalog does not compile. */
type OnlyKeysOf<Shape, T> = { [K in Exclude<keyof T, keyof Shape>]: never };
type CatalogEntry<E> = OnlyKeysOf<ErrorDefinition, E> & { [K in keyof E & ('title' | 'detail')]: OnlyKeysOf<Localized, E[K]> };

/**
 * Declares a lib's error codes from its catalog, `<lib>.errors.json`: per code its HTTP status,
 * its title in French and English and, when there is more to say, its detail. The codes are the
 * catalog's keys; an entry without a status or a French title, or with a key that means nothing,
 * does not compile.
 */
export function defineErrors<T extends Record<keyof T, ErrorDefinition>>(
  catalog: T & { [C in keyof T]: CatalogEntry<T[C]> },
): Record<Extract<keyof T, string>, ErrorDefinition> {
  return catalog;
}

/**
 * A rule of the domain said no. Services throw these (never HttpException); the problem
 * filter turns them into RFC 9457 documents at the edge.
 */
export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    readonly definition: ErrorDefinition,
    readonly params: Record<string, unknown> = {},
    readonly errors: FieldError[] = [],
    /** Extra members for the problem body (e.g. `conflictingSessionId`). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(`${code}: ${definition.title.fr}`);
    this.name = new.target.name;
  }
}

/** Builds the error class of a lib from its table: `new ProgramError('ROOM_DOUBLE_BOOKED', {...})`. */
export function errorClass<C extends string>(name: string, table: Record<C, ErrorDefinition>) {
  const cls = class extends DomainError<C> {
    constructor(code: C, params: Record<string, unknown> = {}, errors: FieldError[] = [], extensions: Record<string, unknown> = {}) {
      super(code, table[code], params, errors, extensions);
    }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}
