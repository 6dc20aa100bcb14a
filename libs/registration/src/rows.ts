/**
 * The rows an UPDATE or DELETE … RETURNING gave through TypeORM's `query()`: its postgres driver
 * answers `[rows, count]` for those commands and plain rows for the others.
 */
export function returned<T>(result: unknown): T[] {
  const r = result as unknown[];
  return (r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number' ? r[0] : r) as T[];
}
