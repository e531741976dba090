import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { wilayahApi } from '../../../contracts/routes/wilayah';
import { actorOf } from '../../http/auth';
import { routesOn } from '../../http/route';
import type { WilayahService } from './wilayah.service';

export function wilayahRoutes(deps: { wilayah: WilayahService }): FastifyPluginAsyncZod {
  return async (app) => {
    const on = routesOn(app);
    on(wilayahApi.children, async (request) => ({
      items: await deps.wilayah.children(actorOf(request), request.query.parent),
    }));
    on(wilayahApi.search, async (request) => ({
      items: await deps.wilayah.search(actorOf(request), request.query.q, request.query.limit),
    }));
    on(wilayahApi.get, async (request) => deps.wilayah.get(actorOf(request), request.params.kode));
  };
}
