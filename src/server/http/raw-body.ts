/**
 * A raw request body (an image sent as it is, not as multipart), read with its size counted while
 * reading, so an oversized upload gets the specific message and is never buffered whole. Register it
 * in its own scope with removeAllContentTypeParsers() first.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DomainError } from '../errors';

export function acceptRawBody(scope: FastifyInstance, maxBytes: number, tooLarge: () => DomainError): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', async (request: FastifyRequest, payload: IncomingMessage) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  });
}

/** The body a raw-body route received (empty when none was sent). */
export function rawBodyOf(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}
