import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_RESPONSES, ErrorResponse, IdParams } from '../../../contracts/common';
import { PemilihanQuery } from '../../../contracts/pemilihan';
import {
  HEADER_DATA_PRIBADI,
  RosterQuery,
  Aturan,
  AturanInput,
  AturanParams,
  Dasbor,
  HadirInput,
  HadirResult,
  InsidenInput,
  InsidenResult,
  InsidenUpdateInput,
  JenisPetugas,
  PetugasChanged,
  PetugasCreateInput,
  PetugasImportResult,
  PetugasUpdateInput,
  RetensiResult,
  SkriningInput,
  TpsPetugasList,
  TpsRoster,
  WilayahQuery,
} from '../../../contracts/petugas';
import { DomainError } from '../../errors';
import { CSV_OPTIONS } from '../../files/csv';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { readUpload, uploadWilayah } from '../../http/upload';
import type { PetugasImportService } from './petugas-import.service';
import type { HadirAnswer } from './petugas-hadir';
import type { PetugasService } from './petugas.service';
import type { HadirInput as HadirInputType } from '../../../contracts/petugas';
import type { Actor } from '../../../domain/access/scope';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';

const tags = ['petugas'];
const EXPORT_COLUMNS = [
  'jenis',
  'jabatan',
  'kode_wilayah',
  'tps',
  'nama',
  'nik',
  'telepon',
  'jenis_kelamin',
  'diskrining',
];

export function petugasRoutes(deps: {
  petugas: PetugasService;
  petugasImport: PetugasImportService;
  petugasHadir: {
    submit: (actor: Actor, pemilihan: PemilihanContext, input: HadirInputType) => Promise<HadirAnswer>;
  };
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/petugas/tps',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'TPS satu wilayah dengan kelengkapan petugas, jumlah diskrining, bertugas dan peringatan',
          querystring: WilayahQuery,
          response: { 200: TpsPetugasList, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.petugas.tpsList(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.get(
      '/petugas/tps/:id',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary:
            'Petugas satu TPS: kelengkapan, NIK/HP/kesehatan (tersamar kecuali untuk yang berwenang; setiap pembacaan data pribadi diaudit), jam bertugas, peringatan kelelahan',
          params: IdParams,
          querystring: RosterQuery,
          response: { 200: TpsRoster, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const roster = await deps.petugas.roster(actorOf(request), pemilihanOf(request), request.params.id, {
          luring: request.query.luring === '1',
        });
        // A phone keeps no copy of unmasked personal data (sw.ts); the offline copy is ?luring=1.
        if (roster.akses.identitas || roster.akses.kesehatan) reply.header(HEADER_DATA_PRIBADI, '1');
        return roster;
      },
    );
    app.get(
      '/petugas/dasbor',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Dasbor petugas per kecamatan (kab/kota) atau per kelurahan (kecamatan): hanya jumlah',
          querystring: WilayahQuery,
          response: { 200: Dasbor, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.petugas.dasbor(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.get(
      '/petugas/export',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary:
            'Ekspor petugas satu wilayah sebagai CSV; NIK dan HP selalu tersamar, tanpa data kesehatan',
          querystring: WilayahQuery,
          produces: ['text/csv; charset=utf-8'],
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const kode = deps.petugas.scope(actor, request.query.wilayah);
        const rows = deps.petugas.exportRows(actor, pemilihanOf(request), kode);
        // The first chunk is read before answering, so a refusal is still an error answer.
        const first = await rows.next();
        const out = new PassThrough();
        const csv = stringify({ ...CSV_OPTIONS, header: true, columns: EXPORT_COLUMNS });
        csv.pipe(out);
        void (async () => {
          if (!first.done) for (const r of first.value) csv.write(r);
          for await (const chunk of rows) for (const r of chunk) csv.write(r);
          csv.end();
        })().catch((error: unknown) => out.destroy(error as Error));
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="petugas-${kode}.csv"`)
          .send(out);
      },
    );
    app.post(
      '/petugas',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Catat satu petugas (KPPS, PPS, PPK, Linmas, pengawas TPS)',
          querystring: PemilihanQuery,
          body: PetugasCreateInput,
          response: { 200: z.object({ id: z.uuid() }), ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.petugas.create(actorOf(request), pemilihanOf(request), request.body),
    );
    app.patch(
      '/petugas/:id',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary:
            'Ubah satu petugas (jabatan, nama, NIK, HP, tanggal lahir, jenis kelamin) terhadap versi yang dibaca; NIK/HP/tanggal lahir hanya oleh yang berwenang melihatnya',
          params: IdParams,
          querystring: PemilihanQuery,
          body: PetugasUpdateInput,
          response: { 200: PetugasChanged, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        deps.petugas.ubah(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.post(
      '/petugas/import',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary:
            'Impor daftar petugas dari XLSX/CSV (multipart: wilayah, jenis opsional, file; kolom kode_wilayah atau kecamatan+kelurahan, tps, jenis, jabatan, nama, nik, telepon, tanggal_lahir, jenis_kelamin). Semua baris masuk atau tidak sama sekali.',
          consumes: ['multipart/form-data'],
          querystring: PemilihanQuery,
          headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }).passthrough(),
          response: {
            200: PetugasImportResult,
            413: ErrorResponse,
            415: ErrorResponse,
            422: ErrorResponse,
            ...ERROR_RESPONSES,
          },
        },
      },
      async (request) => {
        const { fields, file } = await readUpload(request);
        const jenis =
          fields.jenis === undefined || fields.jenis === '' ? null : JenisPetugas.safeParse(fields.jenis);
        if (jenis !== null && !jenis.success) {
          throw new DomainError('validation', 'Jenis petugas tidak dikenal', { field: 'jenis' });
        }
        return deps.petugasImport.run(actorOf(request), pemilihanOf(request), {
          wilayah: uploadWilayah(fields),
          file,
          jenis: jenis === null ? null : jenis.data,
          idempotencyKey: request.headers['idempotency-key'],
        });
      },
    );
    app.put(
      '/petugas/:id/skrining',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Catat hasil pemeriksaan kesehatan (Puskesmas) satu petugas sebelum hari H',
          params: IdParams,
          querystring: PemilihanQuery,
          body: SkriningInput,
          response: {
            200: z.object({ petugasId: z.uuid(), faktorRisiko: z.array(z.string()), hasil: z.string() }),
            ...ERROR_RESPONSES,
          },
        },
      },
      async (request) =>
        deps.petugas.skrining(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.post(
      '/petugas/hadir',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary:
            'Catat petugas masuk atau keluar (sekali per clientId); jawabannya jam bertugas dan peringatan',
          querystring: PemilihanQuery,
          body: HadirInput,
          response: { 200: HadirResult, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.petugasHadir.submit(actorOf(request), pemilihanOf(request), request.body),
    );
    app.post(
      '/petugas/insiden',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Laporkan petugas sakit, cedera atau meninggal (menjadi kejadian; sekali per clientId)',
          querystring: PemilihanQuery,
          body: InsidenInput,
          response: { 200: InsidenResult, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.petugas.laporInsiden(actorOf(request), pemilihanOf(request), request.body),
    );
    app.patch(
      '/petugas/insiden/:id',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Tindak lanjut insiden petugas: penanganan, rumah sakit, santunan',
          params: IdParams,
          querystring: PemilihanQuery,
          body: InsidenUpdateInput,
          response: { 200: z.object({ id: z.uuid(), version: z.number() }), ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        deps.petugas.ubahInsiden(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.get(
      '/petugas/aturan/:kode',
      {
        schema: {
          tags,
          summary: 'Batas jam kelelahan dan masa simpan data kesehatan satu kab/kota (atau bawaan Siaga)',
          params: AturanParams,
          response: { 200: Aturan, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.petugas.aturan(actorOf(request), request.params.kode),
    );
    app.put(
      '/petugas/aturan/:kode',
      {
        schema: {
          tags,
          summary: 'Tetapkan batas jam kelelahan dan masa simpan data kesehatan kab/kota (admin)',
          params: AturanParams,
          body: AturanInput,
          response: { 200: Aturan, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.petugas.setAturan(actorOf(request), request.params.kode, request.body),
    );
    app.post(
      '/petugas/retensi',
      {
        schema: {
          tags,
          summary:
            'Jalankan aturan masa simpan sekarang: hapus data kesehatan petugas pemilihan yang sudah lewat',
          response: { 200: RetensiResult, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.petugas.jalankanRetensi(actorOf(request)),
    );
  };
}
