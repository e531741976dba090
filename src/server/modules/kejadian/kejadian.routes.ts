import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { ERROR_RESPONSES, ErrorResponse } from '../../../contracts/common';
import {
  AksesInput,
  FOTO_MAX_BYTES,
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
import { actorOf } from '../../http/auth';
import { fotoTooLarge } from './kejadian-foto';
import type { KejadianService } from './kejadian.service';

const tags = ['kejadian'];

export function kejadianRoutes(deps: { kejadian: KejadianService }): FastifyPluginAsyncZod {
  const k = deps.kejadian;
  return async (app) => {
    app.post(
      '/kejadian',
      {
        schema: {
          tags,
          summary: 'Laporkan kejadian (sekali per clientId; foto dikirim terpisah)',
          body: KejadianReportInput,
          response: { 200: KejadianReportResult, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.report(actorOf(request), request.body),
    );
    app.get(
      '/kejadian',
      {
        schema: {
          tags,
          summary: 'Daftar kejadian di wilayah Anda, dengan jam eskalasi dan tenggat rujukan',
          querystring: KejadianListQuery,
          response: { 200: KejadianPage, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.list(actorOf(request), request.query),
    );
    app.get(
      '/kejadian/:id',
      {
        schema: {
          tags,
          summary: 'Rincian kejadian: langkah, rujukan dan tenggatnya, aksi yang tersedia',
          params: KejadianParams,
          response: { 200: KejadianDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.get(actorOf(request), request.params.id),
    );
    app.post(
      '/kejadian/:id/aksi',
      {
        schema: {
          tags,
          summary: 'Triase: verifikasi, gabung (duplikat), tolak, tangani, selesaikan, eskalasi',
          params: KejadianParams,
          body: KejadianAksiInput,
          response: { 200: KejadianDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.act(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/kejadian/:id/rujukan',
      {
        schema: {
          tags,
          summary: 'Rujuk pelanggaran ke Bawaslu/Gakkumdu (aturan Pilkada atau Pemilu)',
          params: KejadianParams,
          body: RujukanInput,
          response: { 200: KejadianDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.refer(actorOf(request), request.params.id, request.body),
    );
    app.patch(
      '/kejadian/:id/rujukan',
      {
        schema: {
          tags,
          summary: 'Catat tahapan penanganan rujukan dan hasilnya',
          params: KejadianParams,
          body: RujukanUpdateInput,
          response: { 200: KejadianDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.updateRujukan(actorOf(request), request.params.id, request.body),
    );
    app.patch(
      '/kejadian/:id/akses',
      {
        schema: {
          tags,
          summary: 'Tandai kejadian terbatas atau rahasiakan pelapor',
          params: KejadianParams,
          body: AksesInput,
          response: { 200: KejadianDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.setAkses(actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/kejadian/:id/foto',
      { schema: { tags, summary: 'Foto kejadian', params: KejadianParams } },
      async (request, reply) => {
        const foto = await k.getFoto(actorOf(request), request.params.id);
        return reply
          .header('content-type', foto.mime)
          .header('cache-control', 'private, max-age=300')
          .header('x-content-type-options', 'nosniff')
          .send(foto.bytes);
      },
    );

    // The photo's raw bytes: its own parser in its own scope, with the size checked while reading
    // so an oversized upload gets the specific message and is not buffered whole.
    await app.register(async (foto) => {
      foto.removeAllContentTypeParsers();
      foto.addContentTypeParser('*', async (request: FastifyRequest, payload: IncomingMessage) => {
        const declared = Number(request.headers['content-length']);
        if (Number.isFinite(declared) && declared > FOTO_MAX_BYTES) throw fotoTooLarge();
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of payload as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > FOTO_MAX_BYTES) throw fotoTooLarge();
          chunks.push(chunk);
        }
        return Buffer.concat(chunks);
      });
      foto.withTypeProvider<ZodTypeProvider>().put(
        '/kejadian/:id/foto',
        {
          schema: {
            tags,
            summary: `Kirim foto kejadian (isi mentah image/jpeg, image/png atau image/webp; paling besar ${FOTO_MAX_BYTES / 1048576} MB)`,
            params: KejadianParams,
            response: { 200: FotoResult, ...ERROR_RESPONSES, 413: ErrorResponse, 415: ErrorResponse },
          },
        },
        async (request) =>
          k.putFoto(actorOf(request), request.params.id, {
            contentType: request.headers['content-type'],
            bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          }),
      );
    });
  };
}
