import { FieldError, FormResult, validateForm } from '@palabre/platform';

/**
 * A form turned into a DTO body (`parsed`, with the errors found while reading dates and
 * numbers), then validated by the DTO the JSON route uses. A field the reading already
 * refused is named once, by the reading's message.
 */
export async function checkedForm<T extends object>(dto: new () => T, parsed: { body: Record<string, unknown>; errors: FieldError[] }): Promise<FormResult<T>> {
  const result = await validateForm(dto, parsed.body);
  if (result.ok && parsed.errors.length === 0) return result;
  const named = new Set(parsed.errors.map((e) => e.field));
  const rest = result.ok ? [] : result.errors.filter((e) => !named.has(e.field));
  return { ok: false, errors: [...parsed.errors, ...rest] };
}
