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

/**
 * Declares a lib's error codes, one `problem(…)` each. The Record type makes the table
 * exhaustive: a code without a status and a French title does not compile.
 */
export function defineErrors<C extends string>(table: Record<C, ErrorDefinition>): Record<C, ErrorDefinition> {
  return table;
}

/** One error code: its HTTP status, its title in French and English, and the detail when there is more to say. */
export function problem(status: number, titleFr: string, titleEn: string, detail?: Localized): ErrorDefinition {
  return { status, title: { fr: titleFr, en: titleEn }, ...(detail ? { detail } : {}) };
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
