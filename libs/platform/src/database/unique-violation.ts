/** PostgreSQL's SQLSTATE for a unique constraint that refused a row. */
const UNIQUE_VIOLATION = '23505';

/**
 * Whether a database error is a unique violation, as pg throws it or as TypeORM wraps it
 * (`QueryFailedError.driverError`): a name or slug already taken, told apart from any other failure.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null | undefined;
  return e?.code === UNIQUE_VIOLATION || e?.driverError?.code === UNIQUE_VIOLATION;
}
