/**
 * How an evidence file is answered (ADR 0017): its own type, never sniffed, never kept by the
 * browser (each read is audited, so a cached copy would be a read the audit log misses), and its
 * SHA-256 in a header the reader can compare with the bytes.
 */
import type { FastifyReply } from 'fastify';

export function sendBerkas(reply: FastifyReply, file: { mime: string; bytes: Buffer; sha256: string }) {
  return reply
    .header('content-type', file.mime)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('x-siaga-sha256', file.sha256)
    .send(file.bytes);
}
