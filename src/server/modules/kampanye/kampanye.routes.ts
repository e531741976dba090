import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { kampanyeApi as api } from '../../../contracts/routes/kampanye';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { routesOn } from '../../http/route';
import { readUpload, uploadWilayah } from '../../http/upload';
import type { KampanyeService } from './kampanye.service';

export function kampanyeRoutes(deps: { kampanye: KampanyeService }): FastifyPluginAsyncZod {
  const k = deps.kampanye;
  return async (app) => {
    const on = routesOn(app);
    on(api.paslon, async (request) =>
      k.listPaslon(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    on(api.createPaslon, async (request) =>
      k.createPaslon(actorOf(request), pemilihanOf(request), request.body),
    );
    on(api.kegiatan, async (request) =>
      k.listKegiatan(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    on(api.kegiatanById, async (request) =>
      k.getKegiatan(actorOf(request), pemilihanOf(request), request.params.id),
    );
    on(api.createKegiatan, async (request) =>
      k.createKegiatan(actorOf(request), pemilihanOf(request), request.body),
    );
    on(api.batalKegiatan, async (request) =>
      k.cancelKegiatan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(api.imporJadwal, async (request) => {
      const { fields, file } = await readUpload(request);
      return k.importJadwal(actorOf(request), pemilihanOf(request), uploadWilayah(fields), file);
    });
    on(api.posko, async (request) =>
      k.listPosko(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    on(api.createPosko, async (request) =>
      k.createPosko(actorOf(request), pemilihanOf(request), request.body),
    );
    on(api.jagaPosko, async (request) =>
      k.ubahJagaPosko(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
  };
}
