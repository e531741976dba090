/** The one error handler: every failure answers `{ error: { code, message, details } }`. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable, isUniqueViolation } from '../db/pg-errors';
import { DomainError } from '../errors';

/**
 * What Fastify and its plugins refuse before a route runs, each with its own message (issue 17):
 * code → [status, error code, message].
 */
const FRAMEWORK_REFUSALS: Record<
  string,
  [number, 'validation' | 'payload_too_large' | 'unsupported_media_type', string]
> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'validation', 'Isi permintaan kosong; kirim data JSON'],
  FST_ERR_CTP_INVALID_JSON_BODY: [
    400,
    'validation',
    'Isi permintaan bukan JSON yang sah (rusak atau terpotong)',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'validation',
    'Panjang isi permintaan tidak sesuai dengan Content-Length',
  ],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'Isi permintaan terlalu besar'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported_media_type',
    'Jenis isi tidak didukung; kirim application/json',
  ],
  FST_ERR_BAD_URL: [400, 'validation', 'Alamat permintaan tidak valid'],
  FST_ERR_MAX_PARAM_LENGTH: [400, 'validation', 'Bagian alamat terlalu panjang (paling banyak 100 karakter)'],
  FST_REQ_FILE_TOO_LARGE: [413, 'payload_too_large', 'Berkas terlalu besar'],
  FST_FILES_LIMIT: [400, 'validation', 'Kirim satu berkas saja'],
  FST_PARTS_LIMIT: [400, 'validation', 'Terlalu banyak bagian dalam formulir'],
  FST_FIELDS_LIMIT: [400, 'validation', 'Terlalu banyak kolom dalam formulir'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [
    415,
    'unsupported_media_type',
    'Kirim berkas sebagai multipart/form-data',
  ],
};

/** Errors the router answers before any hook runs (bad URL, over-long path parameter): the same shape. */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const [status, code, message] = FRAMEWORK_REFUSALS[error.code] ?? [
    400,
    'validation',
    'Permintaan tidak valid',
  ];
  void reply.status(status).send({ error: { code, message } });
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return reply.status(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details === undefined ? {} : { details: error.details }),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.status(400).send({
        error: {
          code: 'validation',
          message: 'Data yang dikirim tidak valid',
          details: {
            issues: error.validation.map((issue) => ({
              path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
              message: issue.message,
            })),
          },
        },
      });
    }
    const refusal = FRAMEWORK_REFUSALS[error.code];
    if (refusal) {
      const [status, code, message] = refusal;
      return reply.status(status).send({ error: { code, message } });
    }
    if (error.statusCode === 413) {
      return reply
        .status(413)
        .send({ error: { code: 'payload_too_large', message: 'Isi permintaan terlalu besar' } });
    }
    if (error.statusCode === 415) {
      return reply
        .status(415)
        .send({ error: { code: 'unsupported_media_type', message: 'Jenis isi tidak didukung' } });
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(400).send({ error: { code: 'validation', message: 'Permintaan tidak valid' } });
    }
    // Unique violations that raced past a service's check are conflicts, not crashes.
    if (isUniqueViolation(error)) {
      return reply.status(409).send({ error: { code: 'conflict', message: 'Data yang sama sudah ada' } });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send({
          error: {
            code: 'unavailable',
            message: 'Basis data sedang tidak tersedia; coba lagi sebentar lagi',
          },
        });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Terjadi kesalahan di server' } });
  });
}
