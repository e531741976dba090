/** The one error handler: every failure answers `{ error: { code, message, details } }`. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isUniqueViolation } from '../db/pg-errors';
import { DomainError } from '../errors';

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
    if (error.statusCode === 429) {
      return reply.status(429).send({
        error: { code: 'rate_limited', message: 'Terlalu banyak percobaan; coba lagi sebentar lagi' },
      });
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
      return reply
        .status(413)
        .send({ error: { code: 'payload_too_large', message: 'Berkas terlalu besar' } });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
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
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Terjadi kesalahan di server' } });
  });
}
