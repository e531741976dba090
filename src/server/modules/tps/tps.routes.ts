import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { tpsApi } from '../../../contracts/routes/tps';
import type { TpsImportEvent } from '../../../contracts/tps';
import { DomainError } from '../../errors';
import { actorOf } from '../../http/auth';
import { routesOn } from '../../http/route';
import { readUpload, uploadWilayah } from '../../http/upload';
import { EXPORT_CONTENT_TYPES, exportTps } from './tps-export';
import type { TpsImportService } from './tps-import.service';
import type { TpsService } from './tps.service';

export function tpsRoutes(deps: { tps: TpsService; tpsImport: TpsImportService }): FastifyPluginAsyncZod {
  return async (app) => {
    const on = routesOn(app);
    on(tpsApi.list, async (request) => deps.tps.list(actorOf(request), request.query));
    on(tpsApi.map, async (request) => deps.tps.map(actorOf(request), request.query.wilayah));
    on(tpsApi.export, async (request, reply) => {
      const actor = actorOf(request);
      const { format, wilayah } = request.query;
      const chunks = deps.tps.stream(actor, wilayah);
      // Pull the first chunk before answering, so scope errors still get a proper status.
      const first = await chunks.next();
      async function* all() {
        if (!first.done) yield first.value;
        yield* chunks;
      }
      const name = `tps-${(wilayah ?? actor.kodeWilayah ?? 'nasional').replaceAll('.', '')}.${format}`;
      return reply
        .header('content-type', EXPORT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(exportTps(format, all()));
    });
    on(tpsApi.get, async (request) => deps.tps.get(actorOf(request), request.params.id));
    on(tpsApi.create, async (request, reply) =>
      reply.status(201).send(await deps.tps.create(actorOf(request), request.body)),
    );
    on(tpsApi.update, async (request) => deps.tps.update(actorOf(request), request.params.id, request.body));
    on(tpsApi.import, async (request, reply) => {
      const actor = actorOf(request);
      const { fields, file } = await readUpload(request);
      const wilayah = uploadWilayah(fields);
      const input = { wilayah, file, idempotencyKey: request.headers['idempotency-key'] };

      if (!String(request.headers.accept ?? '').includes('application/x-ndjson')) {
        return deps.tpsImport.run(actor, input);
      }
      // The progress stream bypasses the typed reply: it is written straight to the socket.
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
      const send = (event: TpsImportEvent): void => {
        reply.raw.write(`${JSON.stringify(event)}\n`);
      };
      await deps.tpsImport
        .run(actor, input, (progress) => send({ type: 'progress', ...progress }))
        .then((result) => send({ type: 'done', result }))
        .catch((error: unknown) => {
          const domain =
            error instanceof DomainError ? error : new DomainError('internal', 'Terjadi kesalahan di server');
          if (!(error instanceof DomainError)) request.log.error({ err: error }, 'import failed');
          send({
            type: 'error',
            error: { code: domain.code, message: domain.message, details: domain.details },
          });
        })
        .finally(() => reply.raw.end());
      return reply;
    });
  };
}
