import { z } from 'zod';
import { ErrorResponse, IdParams, Uuid, Version } from '../common';
import { FOTO_MAX_BYTES } from '../kejadian';
import {
  BerkasResult,
  ImportResult,
  LaporanQuery,
  LegCreate,
  LegDetail,
  LegUpdate,
  LogistikBoard,
  LogistikQuery,
  PeringatanCreate,
  PeringatanList,
  SerahTerimaCreate,
} from '../logistik';
import { routeGroup } from '../route';

const route = routeGroup(['logistik']);

/** A create's answer: 201 on the first copy, 200 when the client id was already written. */
export const LogistikCreated = z.object({ id: Uuid, replayed: z.boolean() });
/** A berita acara's photo or drawn signature. */
const BerkasParams = IdParams.extend({ jenis: z.enum(['foto', 'ttd']) });

export const logistikApi = {
  board: route({
    method: 'GET',
    path: '/logistik',
    permission: 'logistik:read',
    summary:
      'Papan distribusi logistik: setiap perjalanan dengan status, pengawal, serah terima dan benderanya',
    pemilihan: 'read',
    query: LogistikQuery,
    response: LogistikBoard,
  }),
  laporan: route({
    method: 'GET',
    path: '/logistik/laporan',
    permission: 'logistik:read',
    summary: 'Distribusi logistik untuk rakor (PDF atau XLSX)',
    pemilihan: 'read',
    query: LaporanQuery,
    produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  }),
  getLeg: route({
    method: 'GET',
    path: '/logistik/legs/:id',
    permission: 'logistik:read',
    summary: 'Satu perjalanan logistik dengan riwayat berita acara (termasuk yang dikoreksi)',
    pemilihan: 'read',
    params: IdParams,
    response: LegDetail,
  }),
  createLeg: route({
    method: 'POST',
    path: '/logistik/legs',
    permission: 'logistik:plan',
    summary:
      'Rencanakan satu perjalanan logistik (sekali per clientId); pengawalnya menjadi tugas pengamanan',
    pemilihan: 'write',
    body: LegCreate,
    response: LogistikCreated,
    responses: { 201: LogistikCreated },
  }),
  updateLeg: route({
    method: 'PUT',
    path: '/logistik/legs/:id',
    permission: 'logistik:plan',
    summary: 'Ubah perjalanan logistik (versi optimistis)',
    pemilihan: 'write',
    params: IdParams,
    body: LegUpdate,
    response: LegDetail,
  }),
  deleteLeg: route({
    method: 'DELETE',
    path: '/logistik/legs/:id',
    permission: 'logistik:plan',
    summary: 'Hapus perjalanan yang belum berita acara dan belum diteruskan',
    pemilihan: 'write',
    params: IdParams,
    query: z.object({ version: z.coerce.number().pipe(Version) }),
    responses: { 204: z.null() },
  }),
  importRencana: route({
    method: 'POST',
    path: '/logistik/import',
    permission: 'logistik:plan',
    summary:
      'Impor rencana distribusi dari XLSX/CSV (multipart: wilayah, file; kolom ref, sebelumnya, dari, dari_wilayah, ke, ke_wilayah, ke_tps, berangkat, tiba, moda, jarak_km, waktu_tempuh_menit, kotak, surat_suara, pengawal). Semua atau tidak sama sekali.',
    pemilihan: 'write',
    upload: 'multipart',
    response: ImportResult,
    responses: { 422: ErrorResponse },
  }),
  serahTerima: route({
    method: 'POST',
    path: '/logistik/serah-terima',
    permission: 'logistik:handover',
    summary:
      'Catat berita acara serah terima (sekali per clientId; tidak dapat diubah: koreksi adalah catatan baru yang menyebut koreksiAtas)',
    pemilihan: 'write',
    body: SerahTerimaCreate,
    response: LogistikCreated,
    responses: { 201: LogistikCreated },
  }),
  getBerkas: route({
    method: 'GET',
    path: '/logistik/serah-terima/:id/:jenis',
    permission: 'logistik:read',
    summary: 'Foto atau tanda tangan berita acara (tercatat di jejak audit)',
    pemilihan: 'read',
    params: BerkasParams,
  }),
  putBerkas: route({
    method: 'PUT',
    path: '/logistik/serah-terima/:id/:jenis',
    permission: 'logistik:handover',
    summary: `Kirim foto atau tanda tangan (gambar) berita acara, sekali (isi mentah image/jpeg, image/png atau image/webp; paling besar ${FOTO_MAX_BYTES / 1048576} MB)`,
    pemilihan: 'write',
    upload: 'raw',
    params: BerkasParams,
    response: BerkasResult,
    responses: { 413: ErrorResponse, 415: ErrorResponse },
  }),
  listPeringatan: route({
    method: 'GET',
    path: '/logistik/peringatan',
    permission: 'logistik:read',
    summary: 'Peringatan cuaca dan bencana per wilayah',
    pemilihan: 'read',
    query: LogistikQuery,
    response: PeringatanList,
  }),
  createPeringatan: route({
    method: 'POST',
    path: '/logistik/peringatan',
    permission: 'logistik:plan',
    summary: 'Catat peringatan cuaca atau bencana untuk satu wilayah (sekali per clientId)',
    pemilihan: 'write',
    body: PeringatanCreate,
    response: LogistikCreated,
    responses: { 201: LogistikCreated },
  }),
};
