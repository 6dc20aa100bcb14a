/** PostgreSQL's SQLSTATE of a failed query (TypeORM wraps the driver's error), if any. */
function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; driverError?: { code?: string } } | undefined;
  return e?.code ?? e?.driverError?.code;
}

/** A unique index refused the row (two writers raced for one slug, one name…). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/** An exclusion constraint refused the row (two sessions in one room at once). */
export function isExclusionViolation(error: unknown): boolean {
  return sqlState(error) === '23P01';
}
