import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FOTO_MAX_BYTES } from '../../../contracts/kejadian';
import { logistikApi } from '../../../contracts/routes/logistik';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { routesOn } from '../../http/route';
import { gambarTooLarge } from '../../files/gambar';
import { sendBerkas } from '../../http/berkas-reply';
import { acceptRawBody, rawBodyOf } from '../../http/raw-body';
import { readUpload, uploadWilayah } from '../../http/upload';
import type { LogistikService } from './logistik.service';

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function logistikRoutes(deps: { logistik: LogistikService }): FastifyPluginAsyncZod {
  const l = deps.logistik;
  return async (app) => {
    const on = routesOn(app);
    on(logistikApi.board, async (request) =>
      l.board(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    on(logistikApi.laporan, async (request, reply) => {
      const file = await l.laporan(
        actorOf(request),
        pemilihanOf(request),
        request.query.wilayah,
        request.query.format,
      );
      return reply
        .header('content-type', CONTENT_TYPES[request.query.format])
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    });
    on(logistikApi.getLeg, async (request) =>
      l.getLeg(actorOf(request), pemilihanOf(request), request.params.id),
    );
    on(logistikApi.createLeg, async (request, reply) => {
      const result = await l.createLeg(actorOf(request), pemilihanOf(request), request.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    });
    on(logistikApi.updateLeg, async (request) =>
      l.updateLeg(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(logistikApi.deleteLeg, async (request, reply) => {
      await l.deleteLeg(actorOf(request), pemilihanOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    });
    on(logistikApi.importRencana, async (request) => {
      const { fields, file } = await readUpload(request);
      return l.importRencana(actorOf(request), pemilihanOf(request), uploadWilayah(fields), file);
    });
    on(logistikApi.serahTerima, async (request, reply) => {
      const result = await l.serahTerima(actorOf(request), pemilihanOf(request), request.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    });
    on(logistikApi.getBerkas, async (request, reply) =>
      sendBerkas(
        reply,
        await l.getBerkas(actorOf(request), pemilihanOf(request), request.params.id, request.params.jenis),
      ),
    );
    // The photo's or signature's raw bytes: their own parser in their own scope, the size checked
    // while reading so an oversized upload gets the specific message and is not buffered whole.
    await app.register(async (berkas) => {
      acceptRawBody(berkas, FOTO_MAX_BYTES, () => gambarTooLarge());
      routesOn(berkas)(logistikApi.putBerkas, async (request) =>
        l.putBerkas(actorOf(request), pemilihanOf(request), request.params.id, request.params.jenis, {
          contentType: request.headers['content-type'],
          bytes: rawBodyOf(request),
        }),
      );
    });
    on(logistikApi.listPeringatan, async (request) =>
      l.listPeringatan(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    on(logistikApi.createPeringatan, async (request, reply) => {
      const result = await l.createPeringatan(actorOf(request), pemilihanOf(request), request.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    });
  };
}
