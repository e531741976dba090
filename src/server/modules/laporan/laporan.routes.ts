import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { laporanApi } from '../../../contracts/routes/laporan';
import { routesOn } from '../../http/route';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import type { HariHService } from '../hari-h/hari-h.service';
import { buildLaporanHarianPdf, buildLaporanHarianXlsx } from './laporan-report';
import { buildLaporanHarianSitrep } from './laporan-sitrep';
import type { LaporanService } from './laporan.service';

export function laporanRoutes(deps: { laporan: LaporanService; hariH: HariHService }): FastifyPluginAsyncZod {
  return async (app) => {
    const on = routesOn(app);
    on(laporanApi.postSituasi, async (request) =>
      deps.laporan.submit(actorOf(request), pemilihanOf(request), request.body),
    );
    on(laporanApi.getSituasi, async (request) =>
      deps.laporan.list(actorOf(request), pemilihanOf(request), request.query),
    );
    on(laporanApi.getStatusByKode, async (request) =>
      deps.laporan.status(actorOf(request), pemilihanOf(request), request.params.kode, request.query.slot),
    );
    on(laporanApi.getSituasiByIdVersi, async (request) =>
      deps.laporan.versions(actorOf(request), pemilihanOf(request), request.params.id),
    );
    on(laporanApi.setujui, async (request) =>
      deps.laporan.advance(actorOf(request), pemilihanOf(request), request.params.id, 'disetujui'),
    );
    on(laporanApi.terbitkan, async (request) =>
      deps.laporan.advance(actorOf(request), pemilihanOf(request), request.params.id, 'diterbitkan'),
    );
    on(laporanApi.getJadwalByKode, async (request) =>
      deps.laporan.getJadwal(actorOf(request), pemilihanOf(request), request.params.kode),
    );
    on(laporanApi.putJadwalByKode, async (request) =>
      deps.laporan.putJadwal(
        actorOf(request),
        pemilihanOf(request),
        request.params.kode,
        request.body.jadwal,
      ),
    );
    on(laporanApi.getSebutanLevelByKode, async (request) =>
      deps.laporan.getSebutanLevel(actorOf(request), request.params.kode),
    );
    on(laporanApi.putSebutanLevelByKode, async (request) =>
      deps.laporan.putSebutanLevel(actorOf(request), request.params.kode, request.body.sebutan),
    );
    on(laporanApi.getHarianByKode, async (request, reply) => {
      const actor = actorOf(request);
      const pemilihan = pemilihanOf(request);
      const day = await deps.laporan.dayOf(actor, pemilihan, request.params.kode, request.query.tanggal);
      const name = `laporan-situasi-${request.params.kode}-${request.query.tanggal}`;
      if (request.query.format === 'xlsx') {
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await buildLaporanHarianXlsx(day));
      }
      const hariH = await deps.hariH.rekap(actor, pemilihan, request.params.kode);
      if (request.query.format === 'sitrep') {
        return reply
          .header('content-type', 'application/xml; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.xml"`)
          .send(buildLaporanHarianSitrep(day, hariH, new Date()));
      }
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(await buildLaporanHarianPdf(day, hariH, new Date()));
    });
  };
}
