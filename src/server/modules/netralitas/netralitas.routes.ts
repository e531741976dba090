import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { netralitasApi } from '../../../contracts/routes/netralitas';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { routesOn } from '../../http/route';
import type { NetralitasService } from './netralitas.service';

export function netralitasRoutes(deps: { netralitas: NetralitasService }): FastifyPluginAsyncZod {
  const n = deps.netralitas;
  return async (app) => {
    const on = routesOn(app);
    on(netralitasApi.list, async (request) =>
      n.list(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    on(netralitasApi.get, async (request) =>
      n.get(actorOf(request), pemilihanOf(request), request.params.id),
    );
    on(netralitasApi.create, async (request) =>
      n.create(actorOf(request), pemilihanOf(request), request.body),
    );
    on(netralitasApi.aksi, async (request) =>
      n.act(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
  };
}
