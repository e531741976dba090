/**
 * The JSON body parser of every route: Fastify's own (prototype poisoning refused), behind a strict
 * UTF-8 decoder, so bytes that are not UTF-8 (a UTF-16 file, a Latin-1 editor) are refused with a
 * clear message instead of being stored as replacement characters.
 */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function registerJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(
        new DomainError('validation', 'Isi permintaan bukan teks UTF-8; kirim JSON dalam UTF-8'),
        undefined,
      );
      return;
    }
    void parseJson(request, text, done);
  });
}
