import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { routesOn } from '../../http/route';
import { FOTO_MAX_BYTES } from '../../../contracts/kejadian';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { gambarTooLarge } from '../../files/gambar';
import { sendBerkas } from '../../http/berkas-reply';
import { acceptRawBody, rawBodyOf } from '../../http/raw-body';
import type { KejadianService } from './kejadian.service';

export function kejadianRoutes(deps: { kejadian: KejadianService }): FastifyPluginAsyncZod {
  const k = deps.kejadian;
  return async (app) => {
    const on = routesOn(app);
    on(kejadianApi.create, async (request) => k.report(actorOf(request), pemilihanOf(request), request.body));
    on(kejadianApi.list, async (request) => k.list(actorOf(request), pemilihanOf(request), request.query));
    on(kejadianApi.getById, async (request) =>
      k.get(actorOf(request), pemilihanOf(request), request.params.id),
    );
    on(kejadianApi.postByIdAksi, async (request) =>
      k.act(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(kejadianApi.postByIdRujukan, async (request) =>
      k.refer(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(kejadianApi.patchByIdRujukan, async (request) =>
      k.updateRujukan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(kejadianApi.patchByIdAkses, async (request) =>
      k.setAkses(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(kejadianApi.getByIdFoto, async (request, reply) =>
      sendBerkas(reply, await k.getFoto(actorOf(request), pemilihanOf(request), request.params.id)),
    );
    on(kejadianApi.getByIdFotoByFotoId, async (request, reply) =>
      sendBerkas(
        reply,
        await k.getFoto(actorOf(request), pemilihanOf(request), request.params.id, request.params.fotoId),
      ),
    );

    // The photo's raw bytes: its own parser in its own scope, with the size checked while reading
    // so an oversized upload gets the specific message and is not buffered whole.
    await app.register(async (foto) => {
      acceptRawBody(foto, FOTO_MAX_BYTES, () => gambarTooLarge());
      routesOn(foto)(kejadianApi.putByIdFoto, async (request) =>
        k.putFoto(actorOf(request), pemilihanOf(request), request.params.id, {
          contentType: request.headers['content-type'],
          bytes: rawBodyOf(request),
        }),
      );
    });
  };
}
