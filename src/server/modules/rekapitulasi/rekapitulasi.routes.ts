/** Recapitulation venues: where and when each PPK and the KPU kab/kota recapitulate, and who guards them. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rekapitulasiApi } from '../../../contracts/routes/rekapitulasi';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { routesOn } from '../../http/route';
import type { RekapitulasiService } from './rekapitulasi.service';

export function rekapitulasiRoutes(deps: { rekapitulasi: RekapitulasiService }): FastifyPluginAsyncZod {
  const r = deps.rekapitulasi;
  return async (app) => {
    const on = routesOn(app);
    on(rekapitulasiApi.list, async (request) =>
      r.list(actorOf(request), pemilihanOf(request), request.params.kode),
    );
    on(rekapitulasiApi.put, async (request) =>
      r.put(actorOf(request), pemilihanOf(request), request.params.kode, request.body),
    );
  };
}
