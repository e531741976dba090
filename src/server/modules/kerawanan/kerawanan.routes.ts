import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Phase } from '../../../contracts/kerawanan';
import { kerawananApi as api, REPORT_CONTENT_TYPES } from '../../../contracts/routes/kerawanan';
import { DomainError } from '../../errors';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { routesOn } from '../../http/route';
import { readUpload, uploadWilayah } from '../../http/upload';
import type { KerawananService } from './kerawanan.service';

/** An import upload with its wilayah and phase (pra when absent), for both kerawanan imports. */
async function readPhaseUpload(request: FastifyRequest) {
  const { fields, file } = await readUpload(request);
  const wilayah = uploadWilayah(fields);
  const phase = Phase.safeParse(fields.phase ?? 'pra');
  if (!phase.success)
    throw new DomainError('validation', 'Fase harus pra, saat atau pasca', { field: 'phase' });
  return { fields, file, wilayah, phase: phase.data };
}

/** The kerawanan routes, each registered from its declaration in the route table (ADR 0020). */
export function kerawananRoutes(deps: { kerawanan: KerawananService }): FastifyPluginAsyncZod {
  const k = deps.kerawanan;
  return async (app) => {
    const on = routesOn(app);
    on(api.getChecklist, async (request) =>
      k.checklist(actorOf(request), pemilihanOf(request), request.params.kode, request.query.phase),
    );
    on(api.putChecklist, async (request) =>
      k.submit(actorOf(request), pemilihanOf(request), request.params.kode, request.body),
    );
    on(api.getCompletion, async (request) =>
      k.completion(actorOf(request), pemilihanOf(request), request.params.kode, request.query.phase),
    );
    on(api.putOverride, async (request) =>
      k.override(actorOf(request), pemilihanOf(request), request.params.tpsId, request.body),
    );
    on(api.postPengamatan, async (request) =>
      k.addPengamatan(actorOf(request), pemilihanOf(request), request.body),
    );
    on(api.putPengamatan, async (request) =>
      k.answerPengamatan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(api.getSummary, async (request) =>
      k.summary(actorOf(request), pemilihanOf(request), request.query.wilayah, request.query.phase),
    );
    on(api.getAreaFactors, async (request) => k.areaFactors(actorOf(request), request.params.kode));
    on(api.postAreaFactor, async (request, reply) =>
      reply.status(201).send(await k.addAreaFactor(actorOf(request), request.body)),
    );
    on(api.deleteAreaFactor, async (request, reply) => {
      await k.endAreaFactor(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    });
    on(api.putIkp, async (request) => k.setIkp(actorOf(request), request.params.kode, request.body));
    on(api.getSettings, async (request) => k.regionSetting(actorOf(request), request.params.kode));
    on(api.putSettings, async (request) =>
      k.configureRegion(actorOf(request), request.params.kode, request.body),
    );
    on(api.getChanges, async (request) =>
      k.phaseChanges(
        actorOf(request),
        pemilihanOf(request),
        request.query.wilayah,
        request.query.from,
        request.query.to,
      ),
    );
    on(api.postImport, async (request) => {
      const { file, wilayah, phase } = await readPhaseUpload(request);
      return k.importMapping(actorOf(request), pemilihanOf(request), {
        file,
        wilayah,
        phase,
        idempotencyKey: request.headers['idempotency-key'],
      });
    });
    on(api.postImportKategori, async (request) => {
      const { fields, ...upload } = await readPhaseUpload(request);
      return k.importKategori(actorOf(request), pemilihanOf(request), {
        ...upload,
        alasan: fields.alasan ?? '',
      });
    });
    on(api.getReport, async (request, reply) => {
      const { wilayah, phase, format } = request.query;
      const report = await k.report(actorOf(request), pemilihanOf(request), wilayah, phase, format);
      return reply
        .header('content-type', REPORT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${report.fileName}"`)
        .send(report.body);
    });
    on(api.getMap, async (request) =>
      k.map(
        actorOf(request),
        pemilihanOf(request),
        request.query.wilayah,
        request.query.phase,
        request.query.indicator,
      ),
    );
  };
}
