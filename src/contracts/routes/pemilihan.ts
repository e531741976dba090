/** Elections as records, and the holidays that working-day deadlines skip. */
import { z } from 'zod';
import { IdParams } from '../common';
import {
  HariLibur,
  HariLiburList,
  HariLiburQuery,
  PemilihanCreateInput,
  PemilihanDetail,
  PemilihanList,
  PemilihanUpdateInput,
  TanggalParams,
} from '../pemilihan';
import { routeGroup } from '../route';

const route = routeGroup(['pemilihan']);

export const pemilihanApi = {
  list: route({
    method: 'GET',
    path: '/pemilihan',
    // Every user works in some election; which ones they see is need-to-know per wilayah (service).
    permission: 'sesi',
    summary: 'Pemilihan yang menyangkut wilayah pengguna, dengan pemilihan aktifnya',
    response: PemilihanList,
  }),
  get: route({
    method: 'GET',
    path: '/pemilihan/:id',
    permission: 'sesi',
    summary: 'Satu pemilihan: tahapan, wilayah peserta, TPS, induk dan PSU-nya',
    params: IdParams,
    response: PemilihanDetail,
  }),
  create: route({
    method: 'POST',
    path: '/pemilihan',
    permission: 'pemilihan:manage',
    summary: 'Catat pemilihan (Pilkada, PSU, Pemilu, Pilkades)',
    body: PemilihanCreateInput,
    response: PemilihanDetail,
    responses: { 201: PemilihanDetail },
  }),
  update: route({
    method: 'PATCH',
    path: '/pemilihan/:id',
    permission: 'pemilihan:manage',
    summary: 'Ubah, tutup atau buka kembali pemilihan',
    params: IdParams,
    body: PemilihanUpdateInput,
    response: PemilihanDetail,
  }),
  hariLibur: route({
    method: 'GET',
    path: '/hari-libur',
    permission: 'sesi',
    summary: 'Hari libur nasional dan cuti bersama (dilewati tenggat hari kerja)',
    query: HariLiburQuery,
    response: HariLiburList,
  }),
  putHariLibur: route({
    method: 'PUT',
    path: '/hari-libur/:tanggal',
    permission: 'hari_libur:manage',
    summary: 'Tambah atau ubah hari libur',
    params: TanggalParams,
    body: HariLibur.omit({ tanggal: true }).strict(),
    response: HariLibur,
  }),
  deleteHariLibur: route({
    method: 'DELETE',
    path: '/hari-libur/:tanggal',
    permission: 'hari_libur:manage',
    summary: 'Hapus hari libur',
    params: TanggalParams,
    responses: { 204: z.null() },
  }),
};
