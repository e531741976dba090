import { z } from 'zod';
import { ErrorResponse, IdParams, KodeWilayah, Uuid } from '../common';
import {
  AreaFactorInput,
  AreaFactorsResponse,
  ChecklistQuery,
  ChecklistResponse,
  ChecklistSubmit,
  ChecklistSubmitResult,
  ChecklistTps,
  CompletionQuery,
  CompletionResponse,
  IkpInput,
  OverrideInput,
  PengamatanAnswer,
  PengamatanInput,
  Phase,
  PhaseChangesQuery,
  PhaseChangesResponse,
  RegionSettingInput,
  RegionSettingResponse,
  SummaryQuery,
  SummaryResponse,
} from '../kerawanan';
import { MapResponse } from '../tps';
import { routeGroup } from '../route';

const route = routeGroup(['kerawanan']);
const KodeParams = z.object({ kode: KodeWilayah });

/** The answer of both imports: rows taken, and whether this was a resend of one already taken. */
export const ImportResult = z.object({ rows: z.number().int(), replayed: z.boolean() });

/** The report's formats and the content type each is sent with. */
export const REPORT_CONTENT_TYPES = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
} as const;

/**
 * Pemetaan kerawanan: Bawaslu's checklist of a kelurahan/desa, observations beside it, the Polres's
 * categories, area factors and IKP, a region's catalogue, the summary, map, phase changes and reports.
 * Who may call each is the permission the use case checks first.
 */
export const kerawananApi = {
  getChecklist: route({
    method: 'GET',
    path: '/kerawanan/checklist/:kode',
    permission: 'kerawanan:read',
    summary: 'Daftar periksa kerawanan TPS satu kelurahan/desa untuk satu fase',
    pemilihan: 'read',
    params: KodeParams,
    query: ChecklistQuery,
    response: ChecklistResponse,
  }),
  putChecklist: route({
    method: 'PUT',
    path: '/kerawanan/checklist/:kode',
    permission: 'kerawanan:assess',
    summary: 'Simpan daftar periksa satu kelurahan/desa (sekali per submissionId)',
    pemilihan: 'write',
    params: KodeParams,
    body: ChecklistSubmit,
    response: ChecklistSubmitResult,
  }),
  getCompletion: route({
    method: 'GET',
    path: '/kerawanan/completion/:kode',
    permission: 'kerawanan:read',
    summary: 'Kelurahan/desa yang sudah menilai semua TPS-nya',
    pemilihan: 'read',
    params: KodeParams,
    query: CompletionQuery,
    response: CompletionResponse,
  }),
  putOverride: route({
    method: 'PUT',
    path: '/kerawanan/override/:tpsId',
    permission: 'kerawanan:override',
    summary: 'Tetapkan (atau cabut) kategori TPS dengan alasan, di samping kategori usulan',
    pemilihan: 'write',
    params: z.object({ tpsId: Uuid }),
    body: OverrideInput,
    response: ChecklistTps,
  }),
  postPengamatan: route({
    method: 'POST',
    path: '/kerawanan/pengamatan',
    permission: 'kerawanan:observe',
    summary:
      'Catat pengamatan lurah, camat atau tiga pilar di satu TPS, untuk ditindaklanjuti Bawaslu (sekali per clientId)',
    // Made for the named election, which must be open; the answer shows the TPS as its checklist holds it.
    pemilihan: 'write',
    body: PengamatanInput,
    response: ChecklistTps,
  }),
  putPengamatan: route({
    method: 'PUT',
    path: '/kerawanan/pengamatan/:id',
    permission: 'kerawanan:assess',
    summary: 'Bawaslu mengambil atau mengesampingkan satu pengamatan, dengan tanggapan',
    pemilihan: 'write',
    params: IdParams,
    body: PengamatanAnswer,
    response: ChecklistTps,
  }),
  getSummary: route({
    method: 'GET',
    path: '/kerawanan/summary',
    permission: 'kerawanan:read',
    summary:
      'Ringkasan: TPS per kategori dan per indikator, dirinci satu tingkat di bawah (nasional per provinsi, provinsi per kab/kota, lalu per kecamatan)',
    pemilihan: 'read',
    query: SummaryQuery,
    response: SummaryResponse,
  }),
  getAreaFactors: route({
    method: 'GET',
    path: '/kerawanan/area-factors/:kode',
    permission: 'kerawanan:read',
    summary: 'Faktor kerawanan tingkat wilayah dan skor IKP Bawaslu',
    params: KodeParams,
    response: AreaFactorsResponse,
  }),
  postAreaFactor: route({
    method: 'POST',
    path: '/kerawanan/area-factors',
    permission: 'kerawanan:override',
    summary: 'Catat faktor kerawanan wilayah',
    body: AreaFactorInput,
    responses: { 201: AreaFactorsResponse },
  }),
  deleteAreaFactor: route({
    method: 'DELETE',
    path: '/kerawanan/area-factors/:id',
    permission: 'kerawanan:override',
    summary: 'Akhiri faktor kerawanan wilayah',
    params: IdParams,
    responses: { 204: z.null() },
  }),
  putIkp: route({
    method: 'PUT',
    path: '/kerawanan/ikp/:kode',
    permission: 'kerawanan:override',
    summary: 'Catat skor IKP Bawaslu untuk provinsi atau kab/kota',
    params: KodeParams,
    body: IkpInput,
    response: AreaFactorsResponse,
  }),
  getSettings: route({
    method: 'GET',
    path: '/kerawanan/settings/:kode',
    permission: 'kerawanan:read',
    summary: 'Katalog indikator dan ambang yang berlaku untuk satu wilayah',
    params: KodeParams,
    response: RegionSettingResponse,
  }),
  putSettings: route({
    method: 'PUT',
    path: '/kerawanan/settings/:kode',
    permission: 'kerawanan:configure',
    summary: 'Tambah indikator daerah dan ubah ambang untuk provinsi atau kab/kota (versi katalog baru)',
    params: KodeParams,
    body: RegionSettingInput,
    response: RegionSettingResponse,
  }),
  getChanges: route({
    method: 'GET',
    path: '/kerawanan/changes',
    permission: 'kerawanan:read',
    summary: 'Perubahan per TPS antara dua fase',
    pemilihan: 'read',
    query: PhaseChangesQuery,
    response: PhaseChangesResponse,
  }),
  postImport: route({
    method: 'POST',
    path: '/kerawanan/import',
    permission: 'kerawanan:import',
    summary:
      'Impor pemetaan satu wilayah dari XLSX/CSV (multipart: wilayah, phase, file; kolom kode_tps dan indikator) ke dalam pemilihan yang disebut. Semua atau tidak sama sekali.',
    pemilihan: 'write',
    upload: 'multipart',
    headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }).passthrough(),
    response: ImportResult,
    responses: { 422: ErrorResponse },
  }),
  postImportKategori: route({
    method: 'POST',
    path: '/kerawanan/import-kategori',
    permission: 'kerawanan:override',
    summary:
      'Impor daftar kategori TPS milik Polres dari XLSX/CSV (multipart: wilayah, phase, alasan, file; kolom kode_tps, kategori, alasan opsional) sebagai penetapan kategori dalam pemilihan yang disebut. Semua atau tidak sama sekali.',
    pemilihan: 'write',
    upload: 'multipart',
    response: ImportResult,
    responses: { 422: ErrorResponse },
  }),
  getReport: route({
    method: 'GET',
    path: '/kerawanan/report',
    permission: 'kerawanan:read',
    summary: 'Daftar TPS rawan (PDF) atau pemetaan (CSV, XLSX, GeoJSON) satu wilayah',
    pemilihan: 'read',
    query: z.object({
      wilayah: KodeWilayah.optional(),
      phase: Phase.default('pra'),
      format: z.enum(['pdf', 'csv', 'xlsx', 'geojson']).default('pdf'),
    }),
    produces: Object.values(REPORT_CONTENT_TYPES),
  }),
  getMap: route({
    method: 'GET',
    path: '/kerawanan/map',
    permission: 'kerawanan:read',
    summary: 'Titik TPS dengan kategori kerawanan, bisa disaring per indikator',
    pemilihan: 'read',
    query: z.object({
      wilayah: KodeWilayah.optional(),
      phase: Phase.default('pra'),
      indicator: z.string().max(80).optional(),
    }),
    response: MapResponse,
    responses: { 422: ErrorResponse },
  }),
};
