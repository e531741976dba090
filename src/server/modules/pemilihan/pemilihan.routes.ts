import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_RESPONSES, IdParams } from '../../../contracts/common';
import {
  HariLibur,
  HariLiburList,
  HariLiburQuery,
  PemilihanCreateInput,
  PemilihanDetail,
  PemilihanList,
  PemilihanUpdateInput,
  TanggalParams,
} from '../../../contracts/pemilihan';
import { actorOf } from '../../http/auth';
import type { PemilihanService } from './pemilihan.service';

export function pemilihanRoutes(deps: { pemilihan: PemilihanService }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['pemilihan'];
    app.get(
      '/pemilihan',
      {
        schema: {
          tags,
          summary: 'Pemilihan yang menyangkut wilayah pengguna, dengan pemilihan aktifnya',
          response: { 200: PemilihanList, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.pemilihan.list(actorOf(request)),
    );
    app.get(
      '/pemilihan/:id',
      {
        schema: {
          tags,
          summary: 'Satu pemilihan: tahapan, wilayah peserta, TPS, induk dan PSU-nya',
          params: IdParams,
          response: { 200: PemilihanDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.pemilihan.get(actorOf(request), request.params.id),
    );
    app.post(
      '/pemilihan',
      {
        schema: {
          tags,
          summary: 'Catat pemilihan (Pilkada, PSU, Pemilu, Pilkades)',
          body: PemilihanCreateInput,
          response: { 201: PemilihanDetail, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await deps.pemilihan.create(actorOf(request), request.body)),
    );
    app.patch(
      '/pemilihan/:id',
      {
        schema: {
          tags,
          summary: 'Ubah, tutup atau buka kembali pemilihan',
          params: IdParams,
          body: PemilihanUpdateInput,
          response: { 200: PemilihanDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.pemilihan.update(actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/hari-libur',
      {
        schema: {
          tags,
          summary: 'Hari libur nasional dan cuti bersama (dilewati tenggat hari kerja)',
          querystring: HariLiburQuery,
          response: { 200: HariLiburList, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.pemilihan.listHariLibur(request.query.tahun),
    );
    app.put(
      '/hari-libur/:tanggal',
      {
        schema: {
          tags,
          summary: 'Tambah atau ubah hari libur',
          params: TanggalParams,
          body: HariLibur.omit({ tanggal: true }).strict(),
          response: { 200: HariLibur, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        deps.pemilihan.putHariLibur(actorOf(request), { ...request.body, tanggal: request.params.tanggal }),
    );
    app.delete(
      '/hari-libur/:tanggal',
      {
        schema: {
          tags,
          summary: 'Hapus hari libur',
          params: TanggalParams,
          response: { 204: z.null(), ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        await deps.pemilihan.deleteHariLibur(actorOf(request), request.params.tanggal);
        return reply.status(204).send(null);
      },
    );
  };
}
