import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PLOTTING_CONTENT_TYPES, pengamananApi as api } from '../../../contracts/routes/pengamanan';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { routesOn } from '../../http/route';
import { readUpload, uploadWilayah } from '../../http/upload';
import type { PengamananService } from './pengamanan.service';

export function pengamananRoutes(deps: { pengamanan: PengamananService }): FastifyPluginAsyncZod {
  const p = deps.pengamanan;
  return async (app) => {
    const on = routesOn(app);

    // ── forces ──
    on(api.forces, async (request) =>
      p.forces(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    on(api.createUnit, async (request, reply) => {
      const result = await p.createUnit(actorOf(request), pemilihanOf(request), request.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    });
    on(api.updateUnit, async (request) =>
      p.updateUnit(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(api.importUnits, async (request) => {
      const { fields, file } = await readUpload(request);
      return p.importRoster(actorOf(request), pemilihanOf(request), uploadWilayah(fields), file);
    });

    // ── duties besides the TPS (ADR 0016) ──
    on(api.tugas, async (request) => p.daftarTugas(actorOf(request), pemilihanOf(request), request.query));
    on(api.bentrok, async (request) =>
      p.bentrokTugas(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    on(api.tugaskan, async (request) =>
      p.tugaskan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );

    // ── pattern and reserve ──
    on(api.setting, async (request) =>
      p.setting(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    on(api.updateSetting, async (request) =>
      p.updateSetting(actorOf(request), pemilihanOf(request), request.body),
    );

    // ── tiga pilar ──
    on(api.tigaPilar, async (request) =>
      p.tigaPilar(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    on(api.addTigaPilar, async (request, reply) => {
      await p.addTigaPilar(actorOf(request), pemilihanOf(request), request.body);
      return reply.status(204).send(null);
    });

    // ── plans ──
    on(api.plans, async (request) =>
      p.listPlans(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    on(api.createPlan, async (request, reply) => {
      const result = await p.createPlan(actorOf(request), pemilihanOf(request), request.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    });
    on(api.plan, async (request) =>
      p.getPlan(actorOf(request), pemilihanOf(request), request.params.id, request.query.wilayah),
    );
    on(api.planTps, async (request) =>
      p.planTps(actorOf(request), pemilihanOf(request), request.params.id, request.query),
    );
    on(api.planMap, async (request) =>
      p.planMap(actorOf(request), pemilihanOf(request), request.params.id, request.query.wilayah),
    );
    on(api.approvePlan, async (request) =>
      p.approvePlan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(api.plotting, async (request, reply) => {
      const file = await p.plotting(actorOf(request), pemilihanOf(request), request.params.id, request.query);
      return reply
        .header('content-type', PLOTTING_CONTENT_TYPES[request.query.format])
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    });

    // ── what-if ──
    on(api.whatIf, async (request) => p.whatIf(actorOf(request), pemilihanOf(request), request.body));
  };
}
