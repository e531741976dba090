import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams } from '../../../contracts/common';
import {
  MapQuery,
  MapResponse,
  Tps,
  TpsCreateInput,
  TpsExportQuery,
  TpsImportResult,
  TpsListQuery,
  TpsPage,
  TpsUpdateInput,
  type TpsImportEvent,
} from '../../../contracts/tps';
import { DomainError } from '../../errors';
import { actorOf } from '../../http/auth';
import { readUpload, uploadWilayah } from '../../http/upload';
import { EXPORT_CONTENT_TYPES, exportTps } from './tps-export';
import type { TpsImportService } from './tps-import.service';
import type { TpsService } from './tps.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function tpsRoutes(deps: { tps: TpsService; tpsImport: TpsImportService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tps',
      {
        schema: {
          tags: ['tps'],
          summary: 'Daftar TPS dalam cakupan, berhalaman',
          querystring: TpsListQuery,
          response: { 200: TpsPage, ...errors },
        },
      },
      async (request) => deps.tps.list(actorOf(request), request.query),
    );

    app.get(
      '/tps/map',
      {
        schema: {
          tags: ['tps'],
          summary: 'Titik TPS (atau titik per wilayah bila terlalu banyak) untuk peta',
          querystring: MapQuery,
          response: { 200: MapResponse, ...errors },
        },
      },
      async (request) => deps.tps.map(actorOf(request), request.query.wilayah),
    );

    app.get(
      '/tps/export',
      {
        schema: {
          tags: ['tps'],
          summary: 'Ekspor TPS sebagai CSV, XLSX atau GeoJSON',
          querystring: TpsExportQuery,
          produces: Object.values(EXPORT_CONTENT_TYPES),
        },
      },
      async (request, reply) => {
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
      },
    );

    app.get(
      '/tps/:id',
      {
        schema: {
          tags: ['tps'],
          summary: 'Satu TPS',
          params: IdParams,
          response: { 200: Tps, ...errors },
        },
      },
      async (request) => deps.tps.get(actorOf(request), request.params.id),
    );

    app.post(
      '/tps',
      {
        schema: {
          tags: ['tps'],
          summary: 'Tambah TPS',
          body: TpsCreateInput,
          response: { 201: Tps, 409: ErrorResponse, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await deps.tps.create(actorOf(request), request.body)),
    );

    app.patch(
      '/tps/:id',
      {
        schema: {
          tags: ['tps'],
          summary: 'Ubah TPS (dengan versi yang terakhir dilihat)',
          params: IdParams,
          body: TpsUpdateInput,
          response: { 200: Tps, 409: ErrorResponse, ...errors },
        },
      },
      async (request) => deps.tps.update(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/tps/import',
      {
        schema: {
          tags: ['tps'],
          summary:
            'Impor TPS dari XLSX/CSV (multipart: wilayah, file). Semua baris masuk atau tidak sama sekali. ' +
            'Dengan Accept: application/x-ndjson jawabannya aliran kemajuan yang diakhiri baris done atau error.',
          consumes: ['multipart/form-data'],
          headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }).passthrough(),
          response: {
            200: TpsImportResult,
            409: ErrorResponse,
            413: ErrorResponse,
            415: ErrorResponse,
            422: ErrorResponse,
            ...errors,
          },
        },
      },
      async (request, reply) => {
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
              error instanceof DomainError
                ? error
                : new DomainError('internal', 'Terjadi kesalahan di server');
            if (!(error instanceof DomainError)) request.log.error({ err: error }, 'import failed');
            send({
              type: 'error',
              error: { code: domain.code, message: domain.message, details: domain.details },
            });
          })
          .finally(() => reply.raw.end());
        return reply;
      },
    );
  };
}
