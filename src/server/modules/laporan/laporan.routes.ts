import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_RESPONSES, HariOffset, KodeWilayah, IdParams } from '../../../contracts/common';
import {
  Laporan,
  LaporanListQuery,
  LaporanPage,
  LaporanSubmit,
  LaporanSubmitResult,
  LaporanVersi,
  SebutanLevelInput,
  SebutanLevelResponse,
  StatusLaporan,
  StatusQuery,
} from '../../../contracts/laporan';
import { Tanggal } from '../../../contracts/koordinasi';
import { FASE_LAPORAN } from '../../../domain/laporan/jadwal';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { PemilihanQuery } from '../../../contracts/pemilihan';
import type { HariHService } from '../hari-h/hari-h.service';
import { buildLaporanHarianPdf, buildLaporanHarianXlsx } from './laporan-report';
import { buildLaporanHarianSitrep } from './laporan-sitrep';
import type { LaporanService } from './laporan.service';

const tags = ['laporan'];
const Jam = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Jam berbentuk JJ:MM' });
const Aturan = z.discriminatedUnion('kind', [
  z.object({
    phase: z.enum(FASE_LAPORAN),
    fromOffset: HariOffset,
    toOffset: HariOffset,
    kind: z.literal('harian'),
    at: Jam,
  }),
  z.object({
    phase: z.enum(FASE_LAPORAN),
    fromOffset: HariOffset,
    toOffset: HariOffset,
    kind: z.literal('interval'),
    everyHours: z.number().int().min(1).max(24),
    startAt: Jam,
    endAt: Jam,
  }),
]);
const JadwalResponse = z.object({ kodeWilayah: z.string(), jadwal: z.array(Aturan), isDefault: z.boolean() });

export function laporanRoutes(deps: { laporan: LaporanService; hariH: HariHService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/laporan/situasi',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Kirim laporan situasi wilayah Anda untuk periode jadwal (sekali per clientId)',
          querystring: PemilihanQuery,
          body: LaporanSubmit,
          response: { 200: LaporanSubmitResult, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.laporan.submit(actorOf(request), pemilihanOf(request), request.body),
    );
    app.get(
      '/laporan/situasi',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Laporan situasi yang menyangkut wilayah Anda',
          querystring: LaporanListQuery.extend(PemilihanQuery.shape),
          response: { 200: LaporanPage, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.laporan.list(actorOf(request), pemilihanOf(request), request.query),
    );
    app.get(
      '/laporan/status/:kode',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Siapa sudah melapor dan siapa terlambat, dengan rekap otomatis wilayah di bawahnya',
          params: z.object({ kode: KodeWilayah }),
          querystring: StatusQuery.extend(PemilihanQuery.shape),
          response: { 200: StatusLaporan, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        deps.laporan.status(actorOf(request), pemilihanOf(request), request.params.kode, request.query.slot),
    );
    app.get(
      '/laporan/situasi/:id/versi',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Semua versi laporan situasi satu wilayah dan periode (koreksi), terbaru dulu',
          params: IdParams,
          querystring: PemilihanQuery,
          response: { 200: LaporanVersi, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.laporan.versions(actorOf(request), pemilihanOf(request), request.params.id),
    );
    for (const [path, to] of [
      ['setujui', 'disetujui'],
      ['terbitkan', 'diterbitkan'],
    ] as const) {
      app.post(
        `/laporan/situasi/:id/${path}`,
        {
          config: { pemilihan: 'write' },
          schema: {
            tags,
            summary: `Laporan kabupaten/kota ${to}`,
            params: IdParams,
            querystring: PemilihanQuery,
            response: { 200: Laporan, ...ERROR_RESPONSES },
          },
        },
        async (request) =>
          deps.laporan.advance(actorOf(request), pemilihanOf(request), request.params.id, to),
      );
    }
    app.get(
      '/laporan/jadwal/:kode',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Jadwal laporan situasi kabupaten/kota dalam pemilihan ini',
          params: z.object({ kode: KodeWilayah }),
          querystring: PemilihanQuery,
          response: { 200: JadwalResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.laporan.getJadwal(actorOf(request), pemilihanOf(request), request.params.kode),
    );
    app.put(
      '/laporan/jadwal/:kode',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Atur jadwal laporan per fase dalam pemilihan ini',
          params: z.object({ kode: KodeWilayah }),
          querystring: PemilihanQuery,
          body: z.object({ jadwal: z.array(Aturan).min(1).max(50) }),
          response: { 200: JadwalResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        deps.laporan.putJadwal(
          actorOf(request),
          pemilihanOf(request),
          request.params.kode,
          request.body.jadwal,
        ),
    );
    app.get(
      '/laporan/sebutan-level/:kode',
      {
        schema: {
          tags,
          summary:
            'Sebutan level situasi menurut SOP kabupaten/kota wilayah ini (bawaan Siaga bila belum diatur)',
          params: z.object({ kode: KodeWilayah }),
          response: { 200: SebutanLevelResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.laporan.getSebutanLevel(actorOf(request), request.params.kode),
    );
    app.put(
      '/laporan/sebutan-level/:kode',
      {
        schema: {
          tags,
          summary: 'Atur sebutan level situasi kabupaten/kota (null kembali ke bawaan Siaga)',
          params: z.object({ kode: KodeWilayah }),
          body: SebutanLevelInput,
          response: { 200: SebutanLevelResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        deps.laporan.putSebutanLevel(actorOf(request), request.params.kode, request.body.sebutan),
    );
    app.get(
      '/laporan/harian/:kode',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Laporan situasi harian kabupaten/kota (PDF, XLSX, atau XML mirip EDXL-SitRep)',
          params: z.object({ kode: KodeWilayah }),
          querystring: z.object({
            tanggal: Tanggal,
            format: z.enum(['pdf', 'xlsx', 'sitrep']).default('pdf'),
            ...PemilihanQuery.shape,
          }),
        },
      },
      async (request, reply) => {
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
      },
    );
  };
}
