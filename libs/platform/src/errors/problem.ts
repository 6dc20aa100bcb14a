import { Locale, translate } from '../i18n/locale';
import { DomainError } from './domain-error';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export function problemType(code: string): string {
  return `/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}

/** Renders a domain error as an RFC 9457 problem document in the given locale. */
export function toProblem(error: DomainError, locale: Locale, instance?: string, requestId?: string): ProblemDocument {
  const { status, title, detail } = error.definition;
  const params = { ...error.params, requestId };
  const doc: ProblemDocument = {
    type: problemType(error.code),
    title: translate(title, locale, params),
    status,
    code: error.code,
    ...(detail ? { detail: translate(detail, locale, params) } : {}),
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
    ...error.extensions,
  };
  if (error.errors.length > 0) {
    doc.errors = error.errors.map((e) => ({ field: e.field, message: translate(e.message, locale, e.params) }));
  }
  return doc;
}
