import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { ERROR_RESPONSES, ErrorResponse } from '../../../contracts/common';
import {
  BUKTI_MAX_BYTES,
  BuatKejadianInput,
  BuktiParams,
  BuktiQuery,
  BuktiResult,
  KaitKejadianInput,
  MedsosAksiInput,
  MedsosDetail,
  MedsosImportResult,
  MedsosListQuery,
  MedsosPage,
  MedsosParams,
  MedsosPostInput,
  RingkasanMedsos,
  RingkasanQuery,
  TakedownInput,
  TakedownParams,
  TakedownUpdateInput,
} from '../../../contracts/medsos';
import { PemilihanQuery } from '../../../contracts/pemilihan';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { sendBerkas } from '../../http/berkas-reply';
import { acceptRawBody, rawBodyOf } from '../../http/raw-body';
import { readUpload, uploadWilayah } from '../../http/upload';
import { gambarTooLarge } from '../../files/gambar';
import type { MedsosService } from './medsos.service';

const tags = ['medsos'];

export function medsosRoutes(deps: { medsos: MedsosService }): FastifyPluginAsyncZod {
  const m = deps.medsos;
  return async (app) => {
    app.post(
      '/medsos',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Catat unggahan media sosial (sekali per clientId; alamat yang sama ditolak 409)',
          body: MedsosPostInput,
          response: { 200: MedsosDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => m.create(actorOf(request), pemilihanOf(request), request.body),
    );
    app.get(
      '/medsos',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Daftar unggahan di wilayah Anda',
          querystring: MedsosListQuery.extend(PemilihanQuery.shape),
          response: { 200: MedsosPage, ...ERROR_RESPONSES },
        },
      },
      async (request) => m.list(actorOf(request), pemilihanOf(request), request.query),
    );
    app.get(
      '/medsos/ringkasan',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Ringkasan mingguan untuk rakor: kategori, platform, kecamatan, takedown terlama',
          querystring: RingkasanQuery.extend(PemilihanQuery.shape),
          response: { 200: RingkasanMedsos, ...ERROR_RESPONSES },
        },
      },
      async (request) => m.ringkasan(actorOf(request), pemilihanOf(request), request.query),
    );
    for (const format of ['pdf', 'xlsx'] as const) {
      app.get(
        `/medsos/ringkasan.${format}`,
        {
          config: { pemilihan: 'read' },
          schema: {
            tags,
            summary: `Ringkasan mingguan untuk rakor (${format.toUpperCase()})`,
            querystring: RingkasanQuery.extend(PemilihanQuery.shape),
          },
        },
        async (request, reply) => {
          const file = await m.ringkasanBerkas(actorOf(request), pemilihanOf(request), request.query, format);
          return reply
            .header(
              'content-type',
              format === 'pdf'
                ? 'application/pdf'
                : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            )
            .header('content-disposition', `attachment; filename="${file.name}"`)
            .send(file.bytes);
        },
      );
    }
    app.post(
      '/medsos/import',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary:
            'Impor lembar tim pemantau (multipart: wilayah kab/kota, file XLSX/CSV; kolom url, akun, platform, teks, dilihat, kecamatan, kelurahan, klasifikasi). Semua atau tidak sama sekali; alamat yang sudah tercatat dilewati.',
          consumes: ['multipart/form-data'],
          response: { 200: MedsosImportResult, ...ERROR_RESPONSES, 415: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => {
        const { fields, file } = await readUpload(request);
        return m.importSheet(actorOf(request), pemilihanOf(request), uploadWilayah(fields), file);
      },
    );
    app.get(
      '/medsos/:id',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Rincian unggahan: bukti, kejadian terkait, takedown, langkah',
          params: MedsosParams,
          response: { 200: MedsosDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => m.get(actorOf(request), pemilihanOf(request), request.params.id),
    );
    app.post(
      '/medsos/:id/aksi',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Triase: verifikasi, gabung (duplikat/sebaran ulang), abaikan, eskalasi, klasifikasi',
          params: MedsosParams,
          body: MedsosAksiInput,
          response: { 200: MedsosDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => m.act(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.post(
      '/medsos/:id/kejadian',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Kaitkan unggahan dengan kejadian yang ditimbulkannya',
          params: MedsosParams,
          body: KaitKejadianInput,
          response: { 200: MedsosDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        m.kaitKejadian(actorOf(request), pemilihanOf(request), request.params.id, request.body.kejadianId),
    );
    app.post(
      '/medsos/:id/kejadian/baru',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Buat kejadian dari unggahan dalam satu langkah (sekali per clientId) dan kaitkan',
          params: MedsosParams,
          body: BuatKejadianInput,
          response: { 200: MedsosDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        m.buatKejadian(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.post(
      '/medsos/:id/takedown',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Ajukan permintaan penurunan konten ke platform atau Komdigi',
          params: MedsosParams,
          body: TakedownInput,
          response: { 200: MedsosDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        m.ajukanTakedown(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.patch(
      '/medsos/:id/takedown/:takedownId',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Catat jawaban atas permintaan penurunan: diproses, diturunkan, ditolak',
          params: TakedownParams,
          body: TakedownUpdateInput,
          response: { 200: MedsosDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        m.ubahTakedown(
          actorOf(request),
          pemilihanOf(request),
          request.params.id,
          request.params.takedownId,
          request.body,
        ),
    );
    app.get(
      '/medsos/:id/bukti/:buktiId',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Unduh bukti (tercatat di jejak audit)',
          params: BuktiParams,
          querystring: PemilihanQuery,
        },
      },
      async (request, reply) => {
        const file = await m.getBukti(
          actorOf(request),
          pemilihanOf(request),
          request.params.id,
          request.params.buktiId,
        );
        return sendBerkas(reply, file);
      },
    );

    // A screenshot's raw bytes, as the incident photo's (http/raw-body.ts), in its own scope.
    await app.register(async (bukti) => {
      const SCREENSHOT = { field: 'bukti', nama: 'Tangkapan layar' };
      acceptRawBody(bukti, BUKTI_MAX_BYTES, () => gambarTooLarge(SCREENSHOT));
      bukti.withTypeProvider<ZodTypeProvider>().post(
        '/medsos/:id/bukti',
        {
          config: { pemilihan: 'write' },
          schema: {
            tags,
            querystring: BuktiQuery.extend(PemilihanQuery.shape),
            summary: `Tambah bukti tangkapan layar (isi mentah image/jpeg, image/png atau image/webp; paling besar ${BUKTI_MAX_BYTES / 1048576} MB); disimpan menurut SHA-256, tidak dapat diubah`,
            params: MedsosParams,
            response: { 200: BuktiResult, ...ERROR_RESPONSES, 413: ErrorResponse, 415: ErrorResponse },
          },
        },
        async (request) =>
          m.addBukti(
            actorOf(request),
            pemilihanOf(request),
            request.params.id,
            { contentType: request.headers['content-type'], bytes: rawBodyOf(request) },
            request.query,
          ),
      );
    });
  };
}
