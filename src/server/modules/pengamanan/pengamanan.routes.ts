import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MapResponse } from '../../../contracts/tps';
import { z } from 'zod';
import { ERROR_RESPONSES, ErrorResponse, KodeWilayah, Uuid, IdParams } from '../../../contracts/common';
import {
  ForcesResponse,
  PamSetting,
  PamSettingUpdate,
  PamUnit,
  PamUnitCreate,
  PamUnitUpdate,
  PlanApprove,
  PlanCreate,
  PlanDetail,
  PlanList,
  PlanTpsPage,
  PlanTpsQuery,
  RosterImportResult,
  TigaPilarInput,
  TigaPilarResponse,
  WhatIfRequest,
  WhatIfResponse,
  WilayahQuery,
  BentrokList,
  Tugas,
  TugasList,
  TugasQuery,
  TugaskanInput,
} from '../../../contracts/pengamanan';
import { PemilihanQuery } from '../../../contracts/pemilihan';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { readUpload, uploadWilayah } from '../../http/upload';
import type { PengamananService } from './pengamanan.service';

const tags = ['pengamanan'];
const Created = z.object({ id: Uuid, replayed: z.boolean() });
const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function pengamananRoutes(deps: { pengamanan: PengamananService }): FastifyPluginAsyncZod {
  const p = deps.pengamanan;
  return async (app) => {
    // ── forces ──
    app.get(
      '/pengamanan/forces',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary:
            'Kekuatan pengamanan kab/kota: unit, personel per kesatuan dan kecamatan, kecamatan tanpa polsek/koramil',
          querystring: WilayahQuery.extend(PemilihanQuery.shape),
          response: { 200: ForcesResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.forces(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.post(
      '/pengamanan/units',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Catat unit atau personel dengan pangkalannya (sekali per clientId)',
          querystring: PemilihanQuery,
          body: PamUnitCreate,
          response: { 201: Created, 200: Created, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const result = await p.createUnit(actorOf(request), pemilihanOf(request), request.body);
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );
    app.put(
      '/pengamanan/units/:id',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Ubah unit (versi optimistis)',
          params: IdParams,
          querystring: PemilihanQuery,
          body: PamUnitUpdate,
          response: { 200: PamUnit, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        p.updateUnit(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.post(
      '/pengamanan/units/import',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary:
            'Impor daftar personel dari XLSX/CSV (multipart: wilayah, file; kolom kesatuan, nama, jumlah, jabatan, nrp, kecamatan, kelurahan). Mengganti impor sebelumnya; semua atau tidak sama sekali.',
          consumes: ['multipart/form-data'],
          querystring: PemilihanQuery,
          response: { 200: RosterImportResult, 422: ErrorResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        const { fields, file } = await readUpload(request);
        return p.importRoster(actorOf(request), pemilihanOf(request), uploadWilayah(fields), file);
      },
    );

    // ── duties besides the TPS (ADR 0016) ──
    app.get(
      '/pengamanan/tugas',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary:
            'Tugas pengamanan selain TPS (pengawalan logistik, kampanye, patroli, posko, rekapitulasi) dengan petugas, kekurangan dan bentrok',
          querystring: TugasQuery.extend(PemilihanQuery.shape),
          response: { 200: TugasList, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.daftarTugas(actorOf(request), pemilihanOf(request), request.query),
    );
    app.get(
      '/pengamanan/tugas/bentrok',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Unit yang ditugaskan di lebih banyak tempat pada satu waktu daripada personelnya',
          querystring: WilayahQuery.extend(PemilihanQuery.shape),
          response: { 200: BentrokList, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.bentrokTugas(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.put(
      '/pengamanan/tugas/:id/petugas',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary:
            'Tetapkan unit untuk satu tugas (mengganti penugasan sebelumnya); ditolak 409 double_booked bila satu unit bertugas di dua tempat sekaligus',
          params: IdParams,
          querystring: PemilihanQuery,
          body: TugaskanInput,
          response: { 200: Tugas, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.tugaskan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );

    // ── pattern and reserve ──
    app.get(
      '/pengamanan/setting',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Pola "Polri : TPS : Linmas" dan cadangan (ring) kab/kota',
          querystring: WilayahQuery.extend(PemilihanQuery.shape),
          response: { 200: PamSetting, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.setting(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.put(
      '/pengamanan/setting',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Ubah pola dan cadangan kab/kota (version null untuk pertama kali)',
          querystring: PemilihanQuery,
          body: PamSettingUpdate,
          response: { 200: PamSetting, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.updateSetting(actorOf(request), pemilihanOf(request), request.body),
    );

    // ── tiga pilar ──
    app.get(
      '/pengamanan/tiga-pilar',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Lurah, Babinsa dan Bhabinkamtibmas per kelurahan ber-TPS, dengan kekosongan dan rangkap',
          querystring: WilayahQuery.extend(PemilihanQuery.shape),
          response: { 200: TigaPilarResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.tigaPilar(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.post(
      '/pengamanan/tiga-pilar',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Catat nama tiga pilar satu kelurahan/desa (bila belum punya akun)',
          querystring: PemilihanQuery,
          body: TigaPilarInput,
          response: { 204: z.null(), ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        await p.addTigaPilar(actorOf(request), pemilihanOf(request), request.body);
        return reply.status(204).send(null);
      },
    );

    // ── plans ──
    app.get(
      '/pengamanan/plans',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Riwayat versi rencana pengamanan kab/kota',
          querystring: WilayahQuery.extend(PemilihanQuery.shape),
          response: { 200: PlanList, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.listPlans(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.post(
      '/pengamanan/plans',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary:
            'Hitung rencana dari kekuatan, pola dan TPS saat ini menjadi draf baru (sekali per clientId)',
          querystring: PemilihanQuery,
          body: PlanCreate,
          response: { 201: Created, 200: Created, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const result = await p.createPlan(actorOf(request), pemilihanOf(request), request.body);
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );
    app.get(
      '/pengamanan/plans/:id',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Satu versi rencana: cakupan per kecamatan dan kesatuan, kekurangan, saran',
          params: IdParams,
          querystring: z.object({ wilayah: KodeWilayah.optional(), ...PemilihanQuery.shape }),
          response: { 200: PlanDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        p.getPlan(actorOf(request), pemilihanOf(request), request.params.id, request.query.wilayah),
    );
    app.get(
      '/pengamanan/plans/:id/tps',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Baris per TPS satu versi rencana (dapat disaring per wilayah dan status terjaga)',
          params: IdParams,
          querystring: PlanTpsQuery.extend(PemilihanQuery.shape),
          response: { 200: PlanTpsPage, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.planTps(actorOf(request), pemilihanOf(request), request.params.id, request.query),
    );
    app.get(
      '/pengamanan/plans/:id/peta',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Peta cakupan: TPS terjaga dan kurang personel pada satu versi rencana',
          params: IdParams,
          querystring: z.object({ wilayah: KodeWilayah.optional(), ...PemilihanQuery.shape }),
          response: { 200: MapResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        p.planMap(actorOf(request), pemilihanOf(request), request.params.id, request.query.wilayah),
    );
    app.post(
      '/pengamanan/plans/:id/approve',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Setujui draf (Kapolres); perubahan setelah persetujuan wajib beralasan',
          params: IdParams,
          querystring: PemilihanQuery,
          body: PlanApprove,
          response: { 200: PlanDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        p.approvePlan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.get(
      '/pengamanan/plans/:id/plotting',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Daftar plotting per TPS atau per satuan (PDF), atau keduanya (XLSX)',
          params: IdParams,
          querystring: z.object({
            format: z.enum(['pdf', 'xlsx']).default('pdf'),
            by: z.enum(['tps', 'unit']).default('tps'),
            wilayah: KodeWilayah.optional(),
            ...PemilihanQuery.shape,
          }),
          produces: Object.values(CONTENT_TYPES),
        },
      },
      async (request, reply) => {
        const file = await p.plotting(
          actorOf(request),
          pemilihanOf(request),
          request.params.id,
          request.query,
        );
        return reply
          .header('content-type', CONTENT_TYPES[request.query.format])
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      },
    );

    // ── what-if ──
    app.post(
      '/pengamanan/what-if',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary:
            'Bandingkan cakupan sebelum dan sesudah perubahan (tambah BKO, ubah kategori TPS, tarik unit); tidak disimpan',
          querystring: PemilihanQuery,
          body: WhatIfRequest,
          response: { 200: WhatIfResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.whatIf(actorOf(request), pemilihanOf(request), request.body),
    );
  };
}
