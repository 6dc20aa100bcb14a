/** PostgreSQL's SQLSTATE of a failed query, as pg throws it or as TypeORM wraps it (`QueryFailedError.driverError`), if any. */
function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; driverError?: { code?: string } } | null | undefined;
  return e?.code ?? e?.driverError?.code;
}

/** A unique index refused the row (two writers raced for one slug, one name…): told apart from any other failure. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/** An exclusion constraint refused the row (two sessions in one room at once). */
export function isExclusionViolation(error: unknown): boolean {
  return sqlState(error) === '23P01';
}
