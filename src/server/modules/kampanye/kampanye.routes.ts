import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_RESPONSES, ErrorResponse, IdParams } from '../../../contracts/common';
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
} from '../../../contracts/kampanye';
import { PemilihanQuery } from '../../../contracts/pemilihan';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { readUpload, uploadWilayah } from '../../http/upload';
import type { KampanyeService } from './kampanye.service';

const tags = ['kampanye'];
const Query = KampanyeQuery.extend(PemilihanQuery.shape);

export function kampanyeRoutes(deps: { kampanye: KampanyeService }): FastifyPluginAsyncZod {
  const k = deps.kampanye;
  return async (app) => {
    app.get(
      '/kampanye/paslon',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Pasangan calon yang berkontestasi di wilayah ini (termasuk pemilihan gubernur)',
          querystring: Query,
          response: { 200: PaslonList, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.listPaslon(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.post(
      '/kampanye/paslon',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Daftarkan pasangan calon (nomor urut per wilayah pemilihan; sekali per clientId)',
          querystring: PemilihanQuery,
          body: PaslonInput,
          response: { 200: Paslon, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.createPaslon(actorOf(request), pemilihanOf(request), request.body),
    );
    app.get(
      '/kampanye/kegiatan',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary:
            'Jadwal kegiatan kampanye dengan tanda: bentrok, masa tenang, rawan, tanpa personel, tanpa STTP',
          querystring: Query,
          response: { 200: KegiatanList, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.listKegiatan(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.get(
      '/kampanye/kegiatan/:id',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Rincian kegiatan kampanye dan tandanya',
          querystring: PemilihanQuery,
          params: IdParams,
          response: { 200: Kegiatan, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.getKegiatan(actorOf(request), pemilihanOf(request), request.params.id),
    );
    app.post(
      '/kampanye/kegiatan',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Catat kegiatan kampanye (ditolak pada masa tenang; sekali per clientId)',
          querystring: PemilihanQuery,
          body: KegiatanInput,
          response: { 200: Kegiatan.extend({ replayed: z.boolean() }), ...ERROR_RESPONSES },
        },
      },
      async (request) => k.createKegiatan(actorOf(request), pemilihanOf(request), request.body),
    );
    app.post(
      '/kampanye/kegiatan/:id/batal',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Batalkan kegiatan kampanye (tetap tercatat, tanpa tanda)',
          querystring: PemilihanQuery,
          params: IdParams,
          body: BatalInput,
          response: { 200: Kegiatan, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        k.cancelKegiatan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.post(
      '/kampanye/kegiatan/impor',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary:
            'Impor jadwal kampanye dari XLSX/CSV (multipart: wilayah, file; kolom jenis, nomor_urut, nama_kegiatan, kode_wilayah, mulai, selesai, sttp, perkiraan_massa, lat, lon, alamat, kontak). Semua atau tidak sama sekali.',
          consumes: ['multipart/form-data'],
          querystring: PemilihanQuery,
          response: { 200: ImporJadwalResult, 422: ErrorResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        const { fields, file } = await readUpload(request);
        return k.importJadwal(actorOf(request), pemilihanOf(request), uploadWilayah(fields), file);
      },
    );
    app.get(
      '/kampanye/posko',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Posko pasangan calon di wilayah ini',
          querystring: Query,
          response: { 200: PoskoList, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.listPosko(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.post(
      '/kampanye/posko',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Daftarkan posko pasangan calon dengan tempat dan kontak (sekali per clientId)',
          querystring: PemilihanQuery,
          body: PoskoInput,
          response: { 200: Posko, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.createPosko(actorOf(request), pemilihanOf(request), request.body),
    );
    app.put(
      '/kampanye/posko/:id/jaga',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary:
            'Ubah penjagaan posko (waktu dan kebutuhan Polri; bawaan: tahapan kampanye, 1 personel); tugasnya dalam rencana ikut',
          querystring: PemilihanQuery,
          params: IdParams,
          body: PoskoJagaInput,
          response: { 200: Posko, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        k.ubahJagaPosko(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
  };
}
