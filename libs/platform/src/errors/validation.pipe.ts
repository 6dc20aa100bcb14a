import { ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FieldError } from './domain-error';
import { PlatformError } from './platform-errors';
import { toFieldErrors } from './validation-messages';

/** The one global pipe: unknown fields refused, types checked, each bad field named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new PlatformError('VALIDATION_FAILED', {}, toFieldErrors(errors)),
  });
}

/** Fields a page form carries besides its DTO's: the CSRF token and the language choice. */
const FORM_ONLY_FIELDS = ['_csrf', 'lang'];

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Validates a page form's fields with the DTO the JSON route uses, and returns the field
 * errors instead of throwing, so the page can show them beside the fields.
 */
export async function validateForm<T extends object>(dto: new () => T, body: unknown, alsoIgnore: string[] = []): Promise<FormResult<T>> {
  const fields: Record<string, unknown> = {};
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [k, v] of Object.entries(body)) if (!FORM_ONLY_FIELDS.includes(k) && !alsoIgnore.includes(k)) fields[k] = v;
  }
  const value = plainToInstance(dto, fields, { enableImplicitConversion: false });
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, validationError: { target: false, value: false } });
  return errors.length > 0 ? { ok: false, errors: toFieldErrors(errors) } : { ok: true, value };
}
