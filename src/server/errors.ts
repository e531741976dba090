/**
 * One error type for the whole server, with stable machine-readable codes; the only place that
 * maps a code to an HTTP status. Messages are Indonesian, for people; codes are for programs.
 */
export const ERROR_STATUS = {
  validation: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  /** A unit asked for at more places at one instant than it has personnel (domain/pengamanan/tugas.ts). */
  double_booked: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  import_invalid: 422,
  too_many_results: 422,
  rate_limited: 429,
  data_dir_locked: 500,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string): DomainError =>
  new DomainError('not_found', `${what} tidak ditemukan`);
export const forbidden = (message = 'Anda tidak berwenang untuk tindakan ini'): DomainError =>
  new DomainError('forbidden', message);
