import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BUKTI_MAX_BYTES } from '../../../contracts/medsos';
import { medsosApi } from '../../../contracts/routes/medsos';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { routesOn } from '../../http/route';
import { sendBerkas } from '../../http/berkas-reply';
import { acceptRawBody, rawBodyOf } from '../../http/raw-body';
import { readUpload, uploadWilayah } from '../../http/upload';
import { gambarTooLarge } from '../../files/gambar';
import type { MedsosService } from './medsos.service';

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function medsosRoutes(deps: { medsos: MedsosService }): FastifyPluginAsyncZod {
  const m = deps.medsos;
  return async (app) => {
    const on = routesOn(app);
    on(medsosApi.create, async (request) => m.create(actorOf(request), pemilihanOf(request), request.body));
    on(medsosApi.list, async (request) => m.list(actorOf(request), pemilihanOf(request), request.query));
    on(medsosApi.ringkasan, async (request) =>
      m.ringkasan(actorOf(request), pemilihanOf(request), request.query),
    );
    for (const [route, format] of [
      [medsosApi.ringkasanPdf, 'pdf'],
      [medsosApi.ringkasanXlsx, 'xlsx'],
    ] as const) {
      on(route, async (request, reply) => {
        const file = await m.ringkasanBerkas(actorOf(request), pemilihanOf(request), request.query, format);
        return reply
          .header('content-type', CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="${file.name}"`)
          .send(file.bytes);
      });
    }
    on(medsosApi.importSheet, async (request) => {
      const { fields, file } = await readUpload(request);
      return m.importSheet(actorOf(request), pemilihanOf(request), uploadWilayah(fields), file);
    });
    on(medsosApi.get, async (request) => m.get(actorOf(request), pemilihanOf(request), request.params.id));
    on(medsosApi.aksi, async (request) =>
      m.act(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(medsosApi.kaitKejadian, async (request) =>
      m.kaitKejadian(actorOf(request), pemilihanOf(request), request.params.id, request.body.kejadianId),
    );
    on(medsosApi.buatKejadian, async (request) =>
      m.buatKejadian(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(medsosApi.ajukanTakedown, async (request) =>
      m.ajukanTakedown(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(medsosApi.ubahTakedown, async (request) =>
      m.ubahTakedown(
        actorOf(request),
        pemilihanOf(request),
        request.params.id,
        request.params.takedownId,
        request.body,
      ),
    );
    on(medsosApi.getBukti, async (request, reply) =>
      sendBerkas(
        reply,
        await m.getBukti(actorOf(request), pemilihanOf(request), request.params.id, request.params.buktiId),
      ),
    );

    // A screenshot's raw bytes, as the incident photo's (http/raw-body.ts), in its own scope.
    await app.register(async (bukti) => {
      const SCREENSHOT = { field: 'bukti', nama: 'Tangkapan layar' };
      acceptRawBody(bukti, BUKTI_MAX_BYTES, () => gambarTooLarge(SCREENSHOT));
      routesOn(bukti)(medsosApi.addBukti, async (request) =>
        m.addBukti(
          actorOf(request),
          pemilihanOf(request),
          request.params.id,
          { contentType: request.headers['content-type'], bytes: rawBodyOf(request) },
          request.query,
        ),
      );
    });
  };
}
