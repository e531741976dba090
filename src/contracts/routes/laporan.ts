import { z } from 'zod';
import { HariOffset, KodeWilayah, IdParams } from '../common';
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
} from '../laporan';
import { Tanggal } from '../koordinasi';
import { FASE_LAPORAN } from '../../domain/laporan/jadwal';
import { defineRoute } from '../route';

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

export const laporanApi = {
  postSituasi: defineRoute({
    method: 'POST',
    path: '/laporan/situasi',
    tags: ['laporan'],
    summary: 'Kirim laporan situasi wilayah Anda untuk periode jadwal (sekali per clientId)',
    pemilihan: 'write',
    body: LaporanSubmit,
    response: LaporanSubmitResult,
  }),
  getSituasi: defineRoute({
    method: 'GET',
    path: '/laporan/situasi',
    tags: ['laporan'],
    summary: 'Laporan situasi yang menyangkut wilayah Anda',
    pemilihan: 'read',
    query: LaporanListQuery,
    response: LaporanPage,
  }),
  getStatusByKode: defineRoute({
    method: 'GET',
    path: '/laporan/status/:kode',
    tags: ['laporan'],
    summary: 'Siapa sudah melapor dan siapa terlambat, dengan rekap otomatis wilayah di bawahnya',
    pemilihan: 'read',
    params: z.object({ kode: KodeWilayah }),
    query: StatusQuery,
    response: StatusLaporan,
  }),
  getSituasiByIdVersi: defineRoute({
    method: 'GET',
    path: '/laporan/situasi/:id/versi',
    tags: ['laporan'],
    summary: 'Semua versi laporan situasi satu wilayah dan periode (koreksi), terbaru dulu',
    pemilihan: 'read',
    params: IdParams,
    response: LaporanVersi,
  }),
  setujui: defineRoute({
    method: 'POST',
    path: '/laporan/situasi/:id/setujui',
    tags: ['laporan'],
    summary: 'Laporan kabupaten/kota disetujui',
    pemilihan: 'write',
    params: IdParams,
    response: Laporan,
  }),
  terbitkan: defineRoute({
    method: 'POST',
    path: '/laporan/situasi/:id/terbitkan',
    tags: ['laporan'],
    summary: 'Laporan kabupaten/kota diterbitkan',
    pemilihan: 'write',
    params: IdParams,
    response: Laporan,
  }),
  getJadwalByKode: defineRoute({
    method: 'GET',
    path: '/laporan/jadwal/:kode',
    tags: ['laporan'],
    summary: 'Jadwal laporan situasi kabupaten/kota dalam pemilihan ini',
    pemilihan: 'read',
    params: z.object({ kode: KodeWilayah }),
    response: JadwalResponse,
  }),
  putJadwalByKode: defineRoute({
    method: 'PUT',
    path: '/laporan/jadwal/:kode',
    tags: ['laporan'],
    summary: 'Atur jadwal laporan per fase dalam pemilihan ini',
    pemilihan: 'write',
    params: z.object({ kode: KodeWilayah }),
    body: z.object({ jadwal: z.array(Aturan).min(1).max(50) }),
    response: JadwalResponse,
  }),
  getSebutanLevelByKode: defineRoute({
    method: 'GET',
    path: '/laporan/sebutan-level/:kode',
    tags: ['laporan'],
    summary: 'Sebutan level situasi menurut SOP kabupaten/kota wilayah ini (bawaan Siaga bila belum diatur)',
    params: z.object({ kode: KodeWilayah }),
    response: SebutanLevelResponse,
  }),
  putSebutanLevelByKode: defineRoute({
    method: 'PUT',
    path: '/laporan/sebutan-level/:kode',
    tags: ['laporan'],
    summary: 'Atur sebutan level situasi kabupaten/kota (null kembali ke bawaan Siaga)',
    params: z.object({ kode: KodeWilayah }),
    body: SebutanLevelInput,
    response: SebutanLevelResponse,
  }),
  getHarianByKode: defineRoute({
    method: 'GET',
    path: '/laporan/harian/:kode',
    tags: ['laporan'],
    summary: 'Laporan situasi harian kabupaten/kota (PDF, XLSX, atau XML mirip EDXL-SitRep)',
    pemilihan: 'read',
    params: z.object({ kode: KodeWilayah }),
    query: z.object({
      tanggal: Tanggal,
      format: z.enum(['pdf', 'xlsx', 'sitrep']).default('pdf'),
    }),
    produces: [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/xml',
    ],
  }),
};
