/**
 * A copy of `source` holding only the named fields, for mapping a stored row to a view field by
 * field: what is not named (secrets, internal columns) never leaks into the copy.
 */
export function pickFields<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const copy = {} as Pick<T, K>;
  for (const key of keys) copy[key] = source[key];
  return copy;
}
