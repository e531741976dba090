import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, KodeWilayah, Uuid, IdParams } from '../../../contracts/common';
import {
  ChecklistQuery,
  ChecklistResponse,
  ChecklistSubmit,
  ChecklistSubmitResult,
  ChecklistTps,
  PengamatanAnswer,
  PengamatanInput,
  CompletionQuery,
  CompletionResponse,
  AreaFactorInput,
  AreaFactorsResponse,
  IkpInput,
  OverrideInput,
  PhaseChangesQuery,
  PhaseChangesResponse,
  RegionSettingInput,
  RegionSettingResponse,
  Phase,
  SummaryQuery,
  SummaryResponse,
} from '../../../contracts/kerawanan';
import { MapResponse } from '../../../contracts/tps';
import { DomainError } from '../../errors';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { PemilihanQuery } from '../../../contracts/pemilihan';
import { readUpload, uploadWilayah } from '../../http/upload';
import type { KerawananService } from './kerawanan.service';

const REPORT_CONTENT_TYPES = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
} as const;

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** An import upload with its wilayah and phase (pra when absent), for both kerawanan imports. */
async function readPhaseUpload(request: FastifyRequest) {
  const { fields, file } = await readUpload(request);
  const wilayah = uploadWilayah(fields);
  const phase = Phase.safeParse(fields.phase ?? 'pra');
  if (!phase.success)
    throw new DomainError('validation', 'Fase harus pra, saat atau pasca', { field: 'phase' });
  return { fields, file, wilayah, phase: phase.data };
}

export function kerawananRoutes(deps: { kerawanan: KerawananService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/kerawanan/checklist/:kode',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags: ['kerawanan'],
          summary: 'Daftar periksa kerawanan TPS satu kelurahan/desa untuk satu fase',
          params: z.object({ kode: KodeWilayah }),
          querystring: ChecklistQuery.extend(PemilihanQuery.shape),
          response: { 200: ChecklistResponse, ...errors },
        },
      },
      async (request) =>
        deps.kerawanan.checklist(
          actorOf(request),
          pemilihanOf(request),
          request.params.kode,
          request.query.phase,
        ),
    );

    app.put(
      '/kerawanan/checklist/:kode',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags: ['kerawanan'],
          summary: 'Simpan daftar periksa satu kelurahan/desa (sekali per submissionId)',
          params: z.object({ kode: KodeWilayah }),
          querystring: PemilihanQuery,
          body: ChecklistSubmit,
          response: { 200: ChecklistSubmitResult, 409: ErrorResponse, ...errors },
        },
      },
      async (request) =>
        deps.kerawanan.submit(actorOf(request), pemilihanOf(request), request.params.kode, request.body),
    );

    app.get(
      '/kerawanan/completion/:kode',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags: ['kerawanan'],
          summary: 'Kelurahan/desa yang sudah menilai semua TPS-nya',
          params: z.object({ kode: KodeWilayah }),
          querystring: CompletionQuery.extend(PemilihanQuery.shape),
          response: { 200: CompletionResponse, ...errors },
        },
      },
      async (request) =>
        deps.kerawanan.completion(
          actorOf(request),
          pemilihanOf(request),
          request.params.kode,
          request.query.phase,
        ),
    );

    app.put(
      '/kerawanan/override/:tpsId',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags: ['kerawanan'],
          summary: 'Tetapkan (atau cabut) kategori TPS dengan alasan, di samping kategori usulan',
          params: z.object({ tpsId: Uuid }),
          querystring: PemilihanQuery,
          body: OverrideInput,
          response: { 200: ChecklistTps, 409: ErrorResponse, ...errors },
        },
      },
      async (request) =>
        deps.kerawanan.override(actorOf(request), pemilihanOf(request), request.params.tpsId, request.body),
    );

    app.post(
      '/kerawanan/pengamatan',
      {
        // An observation is made for the named election, which must be open; the answer shows the
        // TPS as that election's checklist holds it.
        config: { pemilihan: 'write' },
        schema: {
          tags: ['kerawanan'],
          summary:
            'Catat pengamatan lurah, camat atau tiga pilar di satu TPS, untuk ditindaklanjuti Bawaslu (sekali per clientId)',
          querystring: PemilihanQuery,
          body: PengamatanInput,
          response: { 200: ChecklistTps, ...errors },
        },
      },
      async (request) => deps.kerawanan.addPengamatan(actorOf(request), pemilihanOf(request), request.body),
    );

    app.put(
      '/kerawanan/pengamatan/:id',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags: ['kerawanan'],
          summary: 'Bawaslu mengambil atau mengesampingkan satu pengamatan, dengan tanggapan',
          params: IdParams,
          querystring: PemilihanQuery,
          body: PengamatanAnswer,
          response: { 200: ChecklistTps, 409: ErrorResponse, ...errors },
        },
      },
      async (request) =>
        deps.kerawanan.answerPengamatan(
          actorOf(request),
          pemilihanOf(request),
          request.params.id,
          request.body,
        ),
    );

    app.get(
      '/kerawanan/summary',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags: ['kerawanan'],
          summary:
            'Ringkasan: TPS per kategori dan per indikator, dirinci satu tingkat di bawah (nasional per provinsi, provinsi per kab/kota, lalu per kecamatan)',
          querystring: SummaryQuery.extend(PemilihanQuery.shape),
          response: { 200: SummaryResponse, ...errors },
        },
      },
      async (request) =>
        deps.kerawanan.summary(
          actorOf(request),
          pemilihanOf(request),
          request.query.wilayah,
          request.query.phase,
        ),
    );

    app.get(
      '/kerawanan/area-factors/:kode',
      {
        schema: {
          tags: ['kerawanan'],
          summary: 'Faktor kerawanan tingkat wilayah dan skor IKP Bawaslu',
          params: z.object({ kode: KodeWilayah }),
          response: { 200: AreaFactorsResponse, ...errors },
        },
      },
      async (request) => deps.kerawanan.areaFactors(actorOf(request), request.params.kode),
    );

    app.post(
      '/kerawanan/area-factors',
      {
        schema: {
          tags: ['kerawanan'],
          summary: 'Catat faktor kerawanan wilayah',
          body: AreaFactorInput,
          response: { 201: AreaFactorsResponse, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await deps.kerawanan.addAreaFactor(actorOf(request), request.body)),
    );

    app.delete(
      '/kerawanan/area-factors/:id',
      {
        schema: {
          tags: ['kerawanan'],
          summary: 'Akhiri faktor kerawanan wilayah',
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deps.kerawanan.endAreaFactor(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/kerawanan/ikp/:kode',
      {
        schema: {
          tags: ['kerawanan'],
          summary: 'Catat skor IKP Bawaslu untuk provinsi atau kab/kota',
          params: z.object({ kode: KodeWilayah }),
          body: IkpInput,
          response: { 200: AreaFactorsResponse, ...errors },
        },
      },
      async (request) => deps.kerawanan.setIkp(actorOf(request), request.params.kode, request.body),
    );

    app.get(
      '/kerawanan/settings/:kode',
      {
        schema: {
          tags: ['kerawanan'],
          summary: 'Katalog indikator dan ambang yang berlaku untuk satu wilayah',
          params: z.object({ kode: KodeWilayah }),
          response: { 200: RegionSettingResponse, ...errors },
        },
      },
      async (request) => deps.kerawanan.regionSetting(actorOf(request), request.params.kode),
    );

    app.put(
      '/kerawanan/settings/:kode',
      {
        schema: {
          tags: ['kerawanan'],
          summary:
            'Tambah indikator daerah dan ubah ambang untuk provinsi atau kab/kota (versi katalog baru)',
          params: z.object({ kode: KodeWilayah }),
          body: RegionSettingInput,
          response: { 200: RegionSettingResponse, ...errors },
        },
      },
      async (request) => deps.kerawanan.configureRegion(actorOf(request), request.params.kode, request.body),
    );

    app.get(
      '/kerawanan/changes',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags: ['kerawanan'],
          summary: 'Perubahan per TPS antara dua fase',
          querystring: PhaseChangesQuery.extend(PemilihanQuery.shape),
          response: { 200: PhaseChangesResponse, ...errors },
        },
      },
      async (request) =>
        deps.kerawanan.phaseChanges(
          actorOf(request),
          pemilihanOf(request),
          request.query.wilayah,
          request.query.from,
          request.query.to,
        ),
    );

    app.post(
      '/kerawanan/import',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags: ['kerawanan'],
          summary:
            'Impor pemetaan satu wilayah dari XLSX/CSV (multipart: wilayah, phase, file; kolom kode_tps dan indikator) ke dalam pemilihan yang disebut. Semua atau tidak sama sekali.',
          consumes: ['multipart/form-data'],
          querystring: PemilihanQuery,
          headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }).passthrough(),
          response: {
            200: z.object({ rows: z.number().int(), replayed: z.boolean() }),
            409: ErrorResponse,
            422: ErrorResponse,
            ...errors,
          },
        },
      },
      async (request) => {
        const { file, wilayah, phase } = await readPhaseUpload(request);
        return deps.kerawanan.importMapping(actorOf(request), pemilihanOf(request), {
          file,
          wilayah,
          phase,
          idempotencyKey: request.headers['idempotency-key'],
        });
      },
    );

    app.post(
      '/kerawanan/import-kategori',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags: ['kerawanan'],
          summary:
            'Impor daftar kategori TPS milik Polres dari XLSX/CSV (multipart: wilayah, phase, alasan, file; kolom kode_tps, kategori, alasan opsional) sebagai penetapan kategori dalam pemilihan yang disebut. Semua atau tidak sama sekali.',
          consumes: ['multipart/form-data'],
          querystring: PemilihanQuery,
          response: {
            200: z.object({ rows: z.number().int(), replayed: z.boolean() }),
            409: ErrorResponse,
            422: ErrorResponse,
            ...errors,
          },
        },
      },
      async (request) => {
        const { fields, ...upload } = await readPhaseUpload(request);
        return deps.kerawanan.importKategori(actorOf(request), pemilihanOf(request), {
          ...upload,
          alasan: fields.alasan ?? '',
        });
      },
    );

    app.get(
      '/kerawanan/report',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags: ['kerawanan'],
          summary: 'Daftar TPS rawan (PDF) atau pemetaan (CSV, XLSX, GeoJSON) satu wilayah',
          querystring: z.object({
            wilayah: KodeWilayah.optional(),
            phase: Phase.default('pra'),
            format: z.enum(['pdf', 'csv', 'xlsx', 'geojson']).default('pdf'),
            ...PemilihanQuery.shape,
          }),
          produces: Object.values(REPORT_CONTENT_TYPES),
        },
      },
      async (request, reply) => {
        const { wilayah, phase, format } = request.query;
        const report = await deps.kerawanan.report(
          actorOf(request),
          pemilihanOf(request),
          wilayah,
          phase,
          format,
        );
        return reply
          .header('content-type', REPORT_CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="${report.fileName}"`)
          .send(report.body);
      },
    );

    app.get(
      '/kerawanan/map',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags: ['kerawanan'],
          summary: 'Titik TPS dengan kategori kerawanan, bisa disaring per indikator',
          querystring: z.object({
            wilayah: KodeWilayah.optional(),
            phase: Phase.default('pra'),
            indicator: z.string().max(80).optional(),
            ...PemilihanQuery.shape,
          }),
          response: { 200: MapResponse, 422: ErrorResponse, ...errors },
        },
      },
      async (request) =>
        deps.kerawanan.map(
          actorOf(request),
          pemilihanOf(request),
          request.query.wilayah,
          request.query.phase,
          request.query.indicator,
        ),
    );
  };
}
