/** Rencana pengamanan's routes (ADR 0020): forces, duties besides the TPS, pattern, tiga pilar, plans. */
import { z } from 'zod';
import { ErrorResponse, IdParams } from '../common';
import {
  BentrokList,
  ForcesResponse,
  PamCreated,
  PamSetting,
  PamSettingUpdate,
  PamUnit,
  PamUnitCreate,
  PamUnitUpdate,
  PlanAreaQuery,
  PlanApprove,
  PlanCreate,
  PlanDetail,
  PlanList,
  PlanTpsPage,
  PlanTpsQuery,
  PlottingQuery,
  RosterImportResult,
  TigaPilarInput,
  TigaPilarResponse,
  Tugas,
  TugasList,
  TugasQuery,
  TugaskanInput,
  WhatIfRequest,
  WhatIfResponse,
  WilayahQuery,
} from '../pengamanan';
import { MapResponse } from '../tps';
import { routeGroup } from '../route';

const route = routeGroup(['pengamanan']);

export const PLOTTING_CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const pengamananApi = {
  // ── forces ──
  forces: route({
    method: 'GET',
    path: '/pengamanan/forces',
    permission: 'pengamanan:read',
    summary:
      'Kekuatan pengamanan kab/kota: unit, personel per kesatuan dan kecamatan, kecamatan tanpa polsek/koramil',
    pemilihan: 'read',
    query: WilayahQuery,
    response: ForcesResponse,
  }),
  createUnit: route({
    method: 'POST',
    path: '/pengamanan/units',
    permission: 'pengamanan:plan',
    summary: 'Catat unit atau personel dengan pangkalannya (sekali per clientId)',
    pemilihan: 'write',
    body: PamUnitCreate,
    response: PamCreated,
    responses: { 201: PamCreated },
  }),
  updateUnit: route({
    method: 'PUT',
    path: '/pengamanan/units/:id',
    permission: 'pengamanan:plan',
    summary: 'Ubah unit (versi optimistis)',
    pemilihan: 'write',
    params: IdParams,
    body: PamUnitUpdate,
    response: PamUnit,
  }),
  importUnits: route({
    method: 'POST',
    path: '/pengamanan/units/import',
    permission: 'pengamanan:plan',
    summary:
      'Impor daftar personel dari XLSX/CSV (multipart: wilayah, file; kolom kesatuan, nama, jumlah, jabatan, nrp, kecamatan, kelurahan). Mengganti impor sebelumnya; semua atau tidak sama sekali.',
    pemilihan: 'write',
    upload: 'multipart',
    response: RosterImportResult,
    responses: { 422: ErrorResponse },
  }),

  // ── duties besides the TPS (ADR 0016) ──
  tugas: route({
    method: 'GET',
    path: '/pengamanan/tugas',
    permission: 'pengamanan:read',
    summary:
      'Tugas pengamanan selain TPS (pengawalan logistik, kampanye, patroli, posko, rekapitulasi) dengan petugas, kekurangan dan bentrok',
    pemilihan: 'read',
    query: TugasQuery,
    response: TugasList,
  }),
  bentrok: route({
    method: 'GET',
    path: '/pengamanan/tugas/bentrok',
    permission: 'pengamanan:read',
    summary: 'Unit yang ditugaskan di lebih banyak tempat pada satu waktu daripada personelnya',
    pemilihan: 'read',
    query: WilayahQuery,
    response: BentrokList,
  }),
  tugaskan: route({
    method: 'PUT',
    path: '/pengamanan/tugas/:id/petugas',
    permission: 'pengamanan:plan',
    summary:
      'Tetapkan unit untuk satu tugas (mengganti penugasan sebelumnya); ditolak 409 double_booked bila satu unit bertugas di dua tempat sekaligus',
    pemilihan: 'write',
    params: IdParams,
    body: TugaskanInput,
    response: Tugas,
  }),

  // ── pattern and reserve ──
  setting: route({
    method: 'GET',
    path: '/pengamanan/setting',
    permission: 'pengamanan:read',
    summary: 'Pola "Polri : TPS : Linmas" dan cadangan (ring) kab/kota',
    pemilihan: 'read',
    query: WilayahQuery,
    response: PamSetting,
  }),
  updateSetting: route({
    method: 'PUT',
    path: '/pengamanan/setting',
    permission: 'pengamanan:plan',
    summary: 'Ubah pola dan cadangan kab/kota (version null untuk pertama kali)',
    pemilihan: 'write',
    body: PamSettingUpdate,
    response: PamSetting,
  }),

  // ── tiga pilar ──
  tigaPilar: route({
    method: 'GET',
    path: '/pengamanan/tiga-pilar',
    permission: 'pengamanan:read',
    summary: 'Lurah, Babinsa dan Bhabinkamtibmas per kelurahan ber-TPS, dengan kekosongan dan rangkap',
    pemilihan: 'read',
    query: WilayahQuery,
    response: TigaPilarResponse,
  }),
  addTigaPilar: route({
    method: 'POST',
    path: '/pengamanan/tiga-pilar',
    permission: 'pengamanan:plan',
    summary: 'Catat nama tiga pilar satu kelurahan/desa (bila belum punya akun)',
    pemilihan: 'write',
    body: TigaPilarInput,
    responses: { 204: z.null() },
  }),

  // ── plans ──
  plans: route({
    method: 'GET',
    path: '/pengamanan/plans',
    permission: 'pengamanan:read',
    summary: 'Riwayat versi rencana pengamanan kab/kota',
    pemilihan: 'read',
    query: WilayahQuery,
    response: PlanList,
  }),
  createPlan: route({
    method: 'POST',
    path: '/pengamanan/plans',
    permission: 'pengamanan:plan',
    summary: 'Hitung rencana dari kekuatan, pola dan TPS saat ini menjadi draf baru (sekali per clientId)',
    pemilihan: 'write',
    body: PlanCreate,
    response: PamCreated,
    responses: { 201: PamCreated },
  }),
  plan: route({
    method: 'GET',
    path: '/pengamanan/plans/:id',
    permission: 'pengamanan:read',
    summary: 'Satu versi rencana: cakupan per kecamatan dan kesatuan, kekurangan, saran',
    pemilihan: 'read',
    params: IdParams,
    query: PlanAreaQuery,
    response: PlanDetail,
  }),
  planTps: route({
    method: 'GET',
    path: '/pengamanan/plans/:id/tps',
    permission: 'pengamanan:read',
    summary: 'Baris per TPS satu versi rencana (dapat disaring per wilayah dan status terjaga)',
    pemilihan: 'read',
    params: IdParams,
    query: PlanTpsQuery,
    response: PlanTpsPage,
  }),
  planMap: route({
    method: 'GET',
    path: '/pengamanan/plans/:id/peta',
    permission: 'pengamanan:read',
    summary: 'Peta cakupan: TPS terjaga dan kurang personel pada satu versi rencana',
    pemilihan: 'read',
    params: IdParams,
    query: PlanAreaQuery,
    response: MapResponse,
  }),
  approvePlan: route({
    method: 'POST',
    path: '/pengamanan/plans/:id/approve',
    permission: 'pengamanan:approve',
    summary: 'Setujui draf (Kapolres); perubahan setelah persetujuan wajib beralasan',
    pemilihan: 'write',
    params: IdParams,
    body: PlanApprove,
    response: PlanDetail,
  }),
  plotting: route({
    method: 'GET',
    path: '/pengamanan/plans/:id/plotting',
    permission: 'pengamanan:read',
    summary: 'Daftar plotting per TPS atau per satuan (PDF), atau keduanya (XLSX)',
    pemilihan: 'read',
    params: IdParams,
    query: PlottingQuery,
    produces: Object.values(PLOTTING_CONTENT_TYPES),
  }),

  // ── what-if ──
  whatIf: route({
    method: 'POST',
    path: '/pengamanan/what-if',
    permission: 'pengamanan:read',
    summary:
      'Bandingkan cakupan sebelum dan sesudah perubahan (tambah BKO, ubah kategori TPS, tarik unit); tidak disimpan',
    pemilihan: 'read',
    body: WhatIfRequest,
    response: WhatIfResponse,
  }),
};
