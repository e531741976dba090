import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pemilihanApi } from '../../../contracts/routes/pemilihan';
import { actorOf } from '../../http/auth';
import { routesOn } from '../../http/route';
import type { PemilihanService } from './pemilihan.service';

export function pemilihanRoutes(deps: { pemilihan: PemilihanService }): FastifyPluginAsyncZod {
  const p = deps.pemilihan;
  return async (app) => {
    const on = routesOn(app);
    on(pemilihanApi.list, async (request) => p.list(actorOf(request)));
    on(pemilihanApi.get, async (request) => p.get(actorOf(request), request.params.id));
    on(pemilihanApi.create, async (request, reply) =>
      reply.status(201).send(await p.create(actorOf(request), request.body)),
    );
    on(pemilihanApi.update, async (request) => p.update(actorOf(request), request.params.id, request.body));
    on(pemilihanApi.hariLibur, async (request) => p.listHariLibur(request.query.tahun));
    on(pemilihanApi.putHariLibur, async (request) =>
      p.putHariLibur(actorOf(request), { ...request.body, tanggal: request.params.tanggal }),
    );
    on(pemilihanApi.deleteHariLibur, async (request, reply) => {
      await p.deleteHariLibur(actorOf(request), request.params.tanggal);
      return reply.status(204).send(null);
    });
  };
}
