/** Kampanye's routes (ADR 0020): paslon, campaign events and their schedule import, posko and its guard. */
import { z } from 'zod';
import { ErrorResponse, IdParams } from '../common';
import {
  BatalInput,
  ImporJadwalResult,
  KampanyeQuery,
  Kegiatan,
  KegiatanInput,
  KegiatanList,
  Paslon,
  PaslonInput,
  PaslonList,
  Posko,
  PoskoInput,
  PoskoJagaInput,
  PoskoList,
} from '../kampanye';
import { routeGroup } from '../route';

const route = routeGroup(['kampanye']);

export const kampanyeApi = {
  paslon: route({
    method: 'GET',
    path: '/kampanye/paslon',
    permission: 'kampanye:read',
    summary: 'Pasangan calon yang berkontestasi di wilayah ini (termasuk pemilihan gubernur)',
    pemilihan: 'read',
    query: KampanyeQuery,
    response: PaslonList,
  }),
  createPaslon: route({
    method: 'POST',
    path: '/kampanye/paslon',
    permission: 'kampanye:manage',
    summary: 'Daftarkan pasangan calon (nomor urut per wilayah pemilihan; sekali per clientId)',
    pemilihan: 'write',
    body: PaslonInput,
    response: Paslon,
  }),
  kegiatan: route({
    method: 'GET',
    path: '/kampanye/kegiatan',
    permission: 'kampanye:read',
    summary: 'Jadwal kegiatan kampanye dengan tanda: bentrok, masa tenang, rawan, tanpa personel, tanpa STTP',
    pemilihan: 'read',
    query: KampanyeQuery,
    response: KegiatanList,
  }),
  kegiatanById: route({
    method: 'GET',
    path: '/kampanye/kegiatan/:id',
    permission: 'kampanye:read',
    summary: 'Rincian kegiatan kampanye dan tandanya',
    pemilihan: 'read',
    params: IdParams,
    response: Kegiatan,
  }),
  createKegiatan: route({
    method: 'POST',
    path: '/kampanye/kegiatan',
    permission: 'kampanye:manage',
    summary: 'Catat kegiatan kampanye (ditolak pada masa tenang; sekali per clientId)',
    pemilihan: 'write',
    body: KegiatanInput,
    response: Kegiatan.extend({ replayed: z.boolean() }),
  }),
  batalKegiatan: route({
    method: 'POST',
    path: '/kampanye/kegiatan/:id/batal',
    permission: 'kampanye:manage',
    summary: 'Batalkan kegiatan kampanye (tetap tercatat, tanpa tanda)',
    pemilihan: 'write',
    params: IdParams,
    body: BatalInput,
    response: Kegiatan,
  }),
  imporJadwal: route({
    method: 'POST',
    path: '/kampanye/kegiatan/impor',
    permission: 'kampanye:manage',
    summary:
      'Impor jadwal kampanye dari XLSX/CSV (multipart: wilayah, file; kolom jenis, nomor_urut, nama_kegiatan, kode_wilayah, mulai, selesai, sttp, perkiraan_massa, lat, lon, alamat, kontak). Semua atau tidak sama sekali.',
    pemilihan: 'write',
    upload: 'multipart',
    response: ImporJadwalResult,
    responses: { 422: ErrorResponse },
  }),
  posko: route({
    method: 'GET',
    path: '/kampanye/posko',
    permission: 'kampanye:read',
    summary: 'Posko pasangan calon di wilayah ini',
    pemilihan: 'read',
    query: KampanyeQuery,
    response: PoskoList,
  }),
  createPosko: route({
    method: 'POST',
    path: '/kampanye/posko',
    permission: 'kampanye:manage',
    summary: 'Daftarkan posko pasangan calon dengan tempat dan kontak (sekali per clientId)',
    pemilihan: 'write',
    body: PoskoInput,
    response: Posko,
  }),
  jagaPosko: route({
    method: 'PUT',
    path: '/kampanye/posko/:id/jaga',
    permission: 'kampanye:manage',
    summary:
      'Ubah penjagaan posko (waktu dan kebutuhan Polri; bawaan: tahapan kampanye, 1 personel); tugasnya dalam rencana ikut',
    pemilihan: 'write',
    params: IdParams,
    body: PoskoJagaInput,
    response: Posko,
  }),
};
