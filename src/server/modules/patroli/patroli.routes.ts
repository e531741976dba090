import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { patroliApi as api } from '../../../contracts/routes/patroli';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { routesOn } from '../../http/route';
import type { PatroliService } from './patroli.service';

export function patroliRoutes(deps: { patroli: PatroliService }): FastifyPluginAsyncZod {
  const p = deps.patroli;
  return async (app) => {
    const on = routesOn(app);
    on(api.list, async (request) => p.list(actorOf(request), pemilihanOf(request), request.query.wilayah));
    on(api.cakupan, async (request) =>
      p.cakupan(actorOf(request), pemilihanOf(request), request.query.wilayah, request.query.minggu),
    );
    on(api.get, async (request) => p.get(actorOf(request), pemilihanOf(request), request.params.id));
    on(api.create, async (request) => p.create(actorOf(request), pemilihanOf(request), request.body));
    on(api.log, async (request) =>
      p.log(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(api.jadikanKejadian, async (request) =>
      p.jadikanKejadian(actorOf(request), pemilihanOf(request), request.params.id, request.params.logId),
    );
  };
}
