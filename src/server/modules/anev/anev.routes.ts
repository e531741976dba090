import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { anevApi } from '../../../contracts/routes/anev';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { routesOn } from '../../http/route';
import { readUpload } from '../../http/upload';
import { buildAnevPdf, buildAnevXlsx } from './anev-report';
import type { AnevService } from './anev.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function anevRoutes(deps: { anev: AnevService }): FastifyPluginAsyncZod {
  return async (app) => {
    const on = routesOn(app);
    on(anevApi.banding, async (request) =>
      deps.anev.banding(
        actorOf(request),
        pemilihanOf(request),
        request.params.kode,
        request.query.pembanding,
      ),
    );
    on(anevApi.cetak, async (request, reply) => {
      const anev = await deps.anev.banding(
        actorOf(request),
        pemilihanOf(request),
        request.params.kode,
        request.query.pembanding,
      );
      const name = `anev-${request.params.kode}`;
      if (request.query.format === 'xlsx') {
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await buildAnevXlsx(anev));
      }
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(await buildAnevPdf(anev, new Date()));
    });
    on(anevApi.templat, async (request, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="ringkasan-${request.params.kode}.xlsx"`)
        .send(await deps.anev.templat(actorOf(request), pemilihanOf(request), request.params.kode)),
    );
    on(anevApi.importRingkasan, async (request) => {
      const { file } = await readUpload(request);
      return deps.anev.importRingkasan(actorOf(request), pemilihanOf(request), request.params.kode, file);
    });
  };
}
