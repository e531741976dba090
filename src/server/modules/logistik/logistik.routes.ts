import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_RESPONSES, ErrorResponse, IdParams, Uuid, Version } from '../../../contracts/common';
import { FOTO_MAX_BYTES } from '../../../contracts/kejadian';
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
} from '../../../contracts/logistik';
import { PemilihanQuery } from '../../../contracts/pemilihan';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { gambarTooLarge } from '../../files/gambar';
import { sendBerkas } from '../../http/berkas-reply';
import { acceptRawBody, rawBodyOf } from '../../http/raw-body';
import { readUpload, uploadWilayah } from '../../http/upload';
import type { LogistikService } from './logistik.service';

const tags = ['logistik'];
const Created = z.object({ id: Uuid, replayed: z.boolean() });
const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
const BerkasParams = IdParams.extend({ jenis: z.enum(['foto', 'ttd']) });

export function logistikRoutes(deps: { logistik: LogistikService }): FastifyPluginAsyncZod {
  const l = deps.logistik;
  return async (app) => {
    app.get(
      '/logistik',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary:
            'Papan distribusi logistik: setiap perjalanan dengan status, pengawal, serah terima dan benderanya',
          querystring: LogistikQuery.extend(PemilihanQuery.shape),
          response: { 200: LogistikBoard, ...ERROR_RESPONSES },
        },
      },
      async (request) => l.board(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.get(
      '/logistik/laporan',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Distribusi logistik untuk rakor (PDF atau XLSX)',
          querystring: LaporanQuery.extend(PemilihanQuery.shape),
        },
      },
      async (request, reply) => {
        const file = await l.laporan(
          actorOf(request),
          pemilihanOf(request),
          request.query.wilayah,
          request.query.format,
        );
        return reply
          .header('content-type', CONTENT_TYPES[request.query.format])
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      },
    );
    app.get(
      '/logistik/legs/:id',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Satu perjalanan logistik dengan riwayat berita acara (termasuk yang dikoreksi)',
          params: IdParams,
          querystring: PemilihanQuery,
          response: { 200: LegDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => l.getLeg(actorOf(request), pemilihanOf(request), request.params.id),
    );
    app.post(
      '/logistik/legs',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary:
            'Rencanakan satu perjalanan logistik (sekali per clientId); pengawalnya menjadi tugas pengamanan',
          querystring: PemilihanQuery,
          body: LegCreate,
          response: { 201: Created, 200: Created, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const result = await l.createLeg(actorOf(request), pemilihanOf(request), request.body);
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );
    app.put(
      '/logistik/legs/:id',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Ubah perjalanan logistik (versi optimistis)',
          params: IdParams,
          querystring: PemilihanQuery,
          body: LegUpdate,
          response: { 200: LegDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => l.updateLeg(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.delete(
      '/logistik/legs/:id',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Hapus perjalanan yang belum berita acara dan belum diteruskan',
          params: IdParams,
          querystring: PemilihanQuery.extend({ version: z.coerce.number().pipe(Version) }),
          response: { 204: z.null(), ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        await l.deleteLeg(actorOf(request), pemilihanOf(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/logistik/import',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary:
            'Impor rencana distribusi dari XLSX/CSV (multipart: wilayah, file; kolom ref, sebelumnya, dari, dari_wilayah, ke, ke_wilayah, ke_tps, berangkat, tiba, moda, jarak_km, waktu_tempuh_menit, kotak, surat_suara, pengawal). Semua atau tidak sama sekali.',
          consumes: ['multipart/form-data'],
          querystring: PemilihanQuery,
          response: { 200: ImportResult, 422: ErrorResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        const { fields, file } = await readUpload(request);
        return l.importRencana(actorOf(request), pemilihanOf(request), uploadWilayah(fields), file);
      },
    );
    app.post(
      '/logistik/serah-terima',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary:
            'Catat berita acara serah terima (sekali per clientId; tidak dapat diubah: koreksi adalah catatan baru yang menyebut koreksiAtas)',
          querystring: PemilihanQuery,
          body: SerahTerimaCreate,
          response: { 201: Created, 200: Created, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const result = await l.serahTerima(actorOf(request), pemilihanOf(request), request.body);
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );
    app.get(
      '/logistik/serah-terima/:id/:jenis',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Foto atau tanda tangan berita acara (tercatat di jejak audit)',
          params: BerkasParams,
          querystring: PemilihanQuery,
        },
      },
      async (request, reply) => {
        const file = await l.getBerkas(
          actorOf(request),
          pemilihanOf(request),
          request.params.id,
          request.params.jenis,
        );
        return sendBerkas(reply, file);
      },
    );
    await app.register(async (berkas) => {
      acceptRawBody(berkas, FOTO_MAX_BYTES, () => gambarTooLarge());
      berkas.withTypeProvider<ZodTypeProvider>().put(
        '/logistik/serah-terima/:id/:jenis',
        {
          config: { pemilihan: 'write' },
          schema: {
            tags,
            summary: `Kirim foto atau tanda tangan (gambar) berita acara, sekali (isi mentah image/jpeg, image/png atau image/webp; paling besar ${FOTO_MAX_BYTES / 1048576} MB)`,
            params: BerkasParams,
            querystring: PemilihanQuery,
            response: { 200: BerkasResult, ...ERROR_RESPONSES, 413: ErrorResponse, 415: ErrorResponse },
          },
        },
        async (request) =>
          l.putBerkas(actorOf(request), pemilihanOf(request), request.params.id, request.params.jenis, {
            contentType: request.headers['content-type'],
            bytes: rawBodyOf(request),
          }),
      );
    });
    app.get(
      '/logistik/peringatan',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Peringatan cuaca dan bencana per wilayah',
          querystring: LogistikQuery.extend(PemilihanQuery.shape),
          response: { 200: PeringatanList, ...ERROR_RESPONSES },
        },
      },
      async (request) => l.listPeringatan(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.post(
      '/logistik/peringatan',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Catat peringatan cuaca atau bencana untuk satu wilayah (sekali per clientId)',
          querystring: PemilihanQuery,
          body: PeringatanCreate,
          response: { 201: Created, 200: Created, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const result = await l.createPeringatan(actorOf(request), pemilihanOf(request), request.body);
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );
  };
}
