/** PostgreSQL error codes Siaga reacts to (both engines report the same SQLSTATE). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
