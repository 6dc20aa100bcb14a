import { FieldError, PlatformError, validateForm } from '@palabre/platform';

/**
 * A form turned into a DTO body (`parsed`, with the errors found while reading dates and
 * numbers), validated by the DTO the JSON route uses. When it is not valid: VALIDATION_FAILED
 * naming each field once (a field the reading already refused, by the reading's message), which
 * the page shows beside its fields like any other refusal (`formProblem`). `alsoIgnore`: fields
 * the form carries besides the DTO's (a hidden username for password managers, where to go next).
 */
export async function validForm<T extends object>(
  dto: new () => T,
  parsed: { body: Record<string, unknown>; errors?: FieldError[] },
  alsoIgnore: string[] = [],
): Promise<T> {
  const read = parsed.errors ?? [];
  const result = await validateForm(dto, parsed.body, alsoIgnore);
  if (result.ok && read.length === 0) return result.value;
  const named = new Set(read.map((e) => e.field));
  const rest = result.ok ? [] : result.errors.filter((e) => !named.has(e.field));
  throw new PlatformError('VALIDATION_FAILED', {}, [...read, ...rest]);
}
