import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hariHApi } from '../../../contracts/routes/hari-h';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { routesOn } from '../../http/route';
import type { HariHService } from './hari-h.service';

export function hariHRoutes(deps: { hariH: HariHService }): FastifyPluginAsyncZod {
  return async (app) => {
    const on = routesOn(app);
    on(hariHApi.status, (request) => deps.hariH.report(actorOf(request), pemilihanOf(request), request.body));
    on(hariHApi.situasi, (request) =>
      deps.hariH.reportSituasi(actorOf(request), pemilihanOf(request), request.body),
    );
    on(hariHApi.rekapNasional, (request) => deps.hariH.rekap(actorOf(request), pemilihanOf(request), null));
    on(hariHApi.rekap, (request) =>
      deps.hariH.rekap(actorOf(request), pemilihanOf(request), request.params.kode),
    );
    on(hariHApi.tps, (request) =>
      deps.hariH.tpsStatus(actorOf(request), pemilihanOf(request), request.params.kode),
    );
  };
}
