import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { ERROR_RESPONSES, ErrorResponse } from '../../../contracts/common';
import {
  AksesInput,
  FOTO_MAX_BYTES,
  FotoParams,
  FotoResult,
  KejadianAksiInput,
  KejadianDetail,
  KejadianListQuery,
  KejadianPage,
  KejadianParams,
  KejadianReportInput,
  KejadianReportResult,
  RujukanInput,
  RujukanUpdateInput,
} from '../../../contracts/kejadian';
import { PemilihanQuery } from '../../../contracts/pemilihan';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { gambarTooLarge } from '../../files/gambar';
import { sendBerkas } from '../../http/berkas-reply';
import { acceptRawBody, rawBodyOf } from '../../http/raw-body';
import type { KejadianService } from './kejadian.service';

const tags = ['kejadian'];

export function kejadianRoutes(deps: { kejadian: KejadianService }): FastifyPluginAsyncZod {
  const k = deps.kejadian;
  return async (app) => {
    app.post(
      '/kejadian',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Laporkan kejadian (sekali per clientId; foto dikirim terpisah)',
          body: KejadianReportInput,
          response: { 200: KejadianReportResult, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.report(actorOf(request), pemilihanOf(request), request.body),
    );
    app.get(
      '/kejadian',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Daftar kejadian di wilayah Anda, dengan jam eskalasi dan tenggat rujukan',
          querystring: KejadianListQuery.extend(PemilihanQuery.shape),
          response: { 200: KejadianPage, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.list(actorOf(request), pemilihanOf(request), request.query),
    );
    app.get(
      '/kejadian/:id',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Rincian kejadian: langkah, rujukan dan tenggatnya, aksi yang tersedia',
          params: KejadianParams,
          response: { 200: KejadianDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.get(actorOf(request), pemilihanOf(request), request.params.id),
    );
    app.post(
      '/kejadian/:id/aksi',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Triase: verifikasi, gabung (duplikat), tolak, tangani, selesaikan, eskalasi',
          params: KejadianParams,
          body: KejadianAksiInput,
          response: { 200: KejadianDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.act(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.post(
      '/kejadian/:id/rujukan',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary:
            'Rujuk pelanggaran ke Bawaslu/Gakkumdu (aturan pemilihan ini bila tidak disebut; Pilkades tidak)',
          params: KejadianParams,
          body: RujukanInput,
          response: { 200: KejadianDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.refer(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.patch(
      '/kejadian/:id/rujukan',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Catat tahapan penanganan rujukan dan hasilnya',
          params: KejadianParams,
          body: RujukanUpdateInput,
          response: { 200: KejadianDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        k.updateRujukan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.patch(
      '/kejadian/:id/akses',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Tandai kejadian terbatas atau rahasiakan pelapor',
          params: KejadianParams,
          body: AksesInput,
          response: { 200: KejadianDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.setAkses(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.get(
      '/kejadian/:id/foto',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Foto terbaru kejadian (tercatat di jejak audit)',
          params: KejadianParams,
          querystring: PemilihanQuery,
        },
      },
      async (request, reply) =>
        sendBerkas(reply, await k.getFoto(actorOf(request), pemilihanOf(request), request.params.id)),
    );
    app.get(
      '/kejadian/:id/foto/:fotoId',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Satu foto kejadian (tercatat di jejak audit)',
          params: FotoParams,
          querystring: PemilihanQuery,
        },
      },
      async (request, reply) =>
        sendBerkas(
          reply,
          await k.getFoto(actorOf(request), pemilihanOf(request), request.params.id, request.params.fotoId),
        ),
    );

    // The photo's raw bytes: its own parser in its own scope, with the size checked while reading
    // so an oversized upload gets the specific message and is not buffered whole.
    await app.register(async (foto) => {
      acceptRawBody(foto, FOTO_MAX_BYTES, () => gambarTooLarge());
      foto.withTypeProvider<ZodTypeProvider>().put(
        '/kejadian/:id/foto',
        {
          config: { pemilihan: 'write' },
          schema: {
            querystring: PemilihanQuery,
            tags,
            summary: `Tambah foto kejadian; foto lama tetap tersimpan (isi mentah image/jpeg, image/png atau image/webp; paling besar ${FOTO_MAX_BYTES / 1048576} MB)`,
            params: KejadianParams,
            response: { 200: FotoResult, ...ERROR_RESPONSES, 413: ErrorResponse, 415: ErrorResponse },
          },
        },
        async (request) =>
          k.putFoto(actorOf(request), pemilihanOf(request), request.params.id, {
            contentType: request.headers['content-type'],
            bytes: rawBodyOf(request),
          }),
      );
    });
  };
}
