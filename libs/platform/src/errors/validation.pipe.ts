import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FieldError } from './domain-error';
import { PlatformError } from './platform-errors';
import { toFieldErrors } from './validation-messages';

type Dto = new () => object;

/**
 * Nest's ValidationPipe, with one shortcut: most public reads come without a query string,
 * and an empty query validates the same way every time. Its outcome is learnt once per DTO;
 * then an empty query that passed gets a fresh empty instance without class-transformer and
 * class-validator (a fifth of a cached answer's cost), and one that failed is checked again
 * to throw the same error as before.
 */
export class PlatformValidationPipe extends ValidationPipe {
  private readonly emptyQueryPasses = new Map<Dto, boolean>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.metatype as Dto | undefined;
    if (metadata.type !== 'query' || !dto || !isEmptyObject(value) || !this.toValidate(metadata)) return super.transform(value, metadata);
    const passes = this.emptyQueryPasses.get(dto);
    if (passes) return new dto();
    if (passes === false) return super.transform(value, metadata);
    try {
      const result = await super.transform(value, metadata);
      this.emptyQueryPasses.set(dto, true);
      return result;
    } catch (error) {
      this.emptyQueryPasses.set(dto, false);
      throw error;
    }
  }
}

function isEmptyObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** The one global pipe: unknown fields refused, types checked, each bad field named. */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
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
  const errors = await validate(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  return errors.length > 0 ? { ok: false, errors: toFieldErrors(errors) } : { ok: true, value };
}
