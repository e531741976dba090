/** PostgreSQL error codes Siaga reacts to (both engines report the same SQLSTATE). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * The database is away: refused or dropped connections, an administrator shutdown, a server starting
 * up or in recovery (SQLSTATE classes 08 and 57P). The request answers 503 and may be retried.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  // A host name with several addresses (localhost: ::1 and 127.0.0.1) fails with one error each.
  if (error instanceof AggregateError && error.errors.some(isDatabaseUnavailable)) return true;
  const code = (error as { code?: unknown }).code;
  // pg's own errors for a connection that broke under a query, or one the pool may not use again.
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && /Connection terminated|not queryable/i.test(message)) return true;
  if (typeof code !== 'string') return false;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND'].includes(code)) return true;
  return code.startsWith('08') || code.startsWith('57P');
}
