import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_RESPONSES, KodeWilayah, PageQuery, Uuid, IdParams } from '../../../contracts/common';
import {
  CatatanInput,
  ImbauanCreate,
  ImbauanDetail,
  ImbauanPage,
  IndikatorResponse,
  KehadiranInput,
  KeputusanInput,
  KesiapanUpdate,
  KonfirmasiInput,
  KotakMasukPage,
  NphdResponse,
  NphdTransaksiInput,
  NphdUpsert,
  RakorCreate,
  RakorDetail,
  RakorListQuery,
  RakorPage,
  RakorStatusInput,
  Ringkasan,
  TahapanUpdate,
  TargetUpdate,
  ForkopimdaSetting,
  ForkopimdaSettingResponse,
  TindakLanjut,
  TindakLanjutDone,
  TindakLanjutPage,
  TindakLanjutQuery,
} from '../../../contracts/koordinasi';
import { PENERIMA_NPHD } from '../../../domain/koordinasi/nphd';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { PemilihanQuery } from '../../../contracts/pemilihan';
import type { KoordinasiService } from './koordinasi.service';

const tags = ['koordinasi'];
const KodeParams = z.object({ kode: KodeWilayah });

export function koordinasiRoutes(deps: { koordinasi: KoordinasiService }): FastifyPluginAsyncZod {
  const k = deps.koordinasi;
  return async (app) => {
    // ── rakor ──
    app.get(
      '/koordinasi/rakor',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Daftar rakor yang menyangkut wilayah Anda',
          querystring: RakorListQuery.extend(PemilihanQuery.shape),
          response: { 200: RakorPage, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.listRakor(actorOf(request), pemilihanOf(request), request.query),
    );
    app.post(
      '/koordinasi/rakor',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Jadwalkan rakor dan undang peserta menurut jabatan (sekali per clientId)',
          querystring: PemilihanQuery,
          body: RakorCreate,
          response: {
            201: z.object({ id: Uuid, replayed: z.boolean() }),
            200: z.object({ id: Uuid, replayed: z.boolean() }),
            ...ERROR_RESPONSES,
          },
        },
      },
      async (request, reply) => {
        const result = await k.createRakor(actorOf(request), pemilihanOf(request), request.body);
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );
    app.get(
      '/koordinasi/rakor/:id',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Rakor: peserta, notulen, keputusan, agenda lanjutan',
          querystring: PemilihanQuery,
          params: IdParams,
          response: { 200: RakorDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.getRakor(actorOf(request), pemilihanOf(request), request.params.id),
    );
    app.put(
      '/koordinasi/rakor/:id/kehadiran',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Catat kehadiran peserta',
          querystring: PemilihanQuery,
          params: IdParams,
          body: KehadiranInput,
          response: { 200: RakorDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        k.recordKehadiran(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.post(
      '/koordinasi/rakor/:id/catatan',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Tambah pokok pembicaraan ke notulen',
          querystring: PemilihanQuery,
          params: IdParams,
          body: CatatanInput,
          response: { 200: RakorDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        k.addCatatan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.post(
      '/koordinasi/rakor/:id/keputusan',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Catat keputusan rakor sebagai tindak lanjut (sekali per clientId)',
          querystring: PemilihanQuery,
          params: IdParams,
          body: KeputusanInput,
          response: { 200: TindakLanjut, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        k.addKeputusan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.post(
      '/koordinasi/rakor/:id/status',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Tutup rakor (selesai atau batal)',
          querystring: PemilihanQuery,
          params: IdParams,
          body: RakorStatusInput,
          response: { 200: RakorDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        k.setRakorStatus(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.get(
      '/koordinasi/rakor/:id/notulen.pdf',
      {
        config: { pemilihan: 'read' },
        schema: { tags, summary: 'Notulen rakor (PDF)', querystring: PemilihanQuery, params: IdParams },
      },
      async (request, reply) => {
        const pdf = await k.notulenPdf(actorOf(request), pemilihanOf(request), request.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${pdf.filename}"`)
          .send(pdf.body);
      },
    );

    // ── tindak lanjut ──
    app.get(
      '/koordinasi/tindak-lanjut',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Tindak lanjut (filter wilayah, instansi, status)',
          querystring: TindakLanjutQuery.extend(PemilihanQuery.shape),
          response: { 200: TindakLanjutPage, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.listTindakLanjut(actorOf(request), pemilihanOf(request), request.query),
    );
    app.post(
      '/koordinasi/tindak-lanjut',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Tindak lanjut di luar rakor (sekali per clientId)',
          querystring: PemilihanQuery,
          body: KeputusanInput,
          response: { 200: TindakLanjut, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.addKeputusan(actorOf(request), pemilihanOf(request), null, request.body),
    );
    app.post(
      '/koordinasi/tindak-lanjut/:id/tutup',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Tandai tindak lanjut selesai (atau batal)',
          querystring: PemilihanQuery,
          params: IdParams,
          body: TindakLanjutDone,
          response: { 200: TindakLanjut, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        k.closeTindakLanjut(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );

    // ── tahapan, kesiapan ──
    app.get(
      '/koordinasi/ringkasan/:kode',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Hitung mundur, tahapan, kesiapan per instansi',
          querystring: PemilihanQuery,
          params: KodeParams,
          response: { 200: Ringkasan, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.ringkasan(actorOf(request), pemilihanOf(request), request.params.kode),
    );
    app.post(
      '/koordinasi/kesiapan/:kode',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Buat daftar kesiapan wilayah dari templat',
          querystring: PemilihanQuery,
          params: KodeParams,
          response: { 200: z.object({ created: z.number().int() }), ...ERROR_RESPONSES },
        },
      },
      async (request) => k.materialiseKesiapan(actorOf(request), pemilihanOf(request), request.params.kode),
    );
    app.put(
      '/koordinasi/kesiapan/item/:id',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Tandai butir kesiapan selesai atau buka kembali',
          querystring: PemilihanQuery,
          params: IdParams,
          body: KesiapanUpdate,
          response: { 200: Ringkasan, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        k.updateKesiapan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.put(
      '/koordinasi/tahapan/:kode',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Sesuaikan tahapan wilayah (null = templat KPU)',
          querystring: PemilihanQuery,
          params: KodeParams,
          body: TahapanUpdate,
          response: { 200: Ringkasan, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        k.updateTahapan(actorOf(request), pemilihanOf(request), request.params.kode, request.body.tahapan),
    );

    // ── imbauan ──
    app.post(
      '/koordinasi/imbauan',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Kirim imbauan/instruksi ke peran di wilayah tujuan (sekali per clientId)',
          querystring: PemilihanQuery,
          body: ImbauanCreate,
          response: {
            201: z.object({ id: Uuid, penerima: z.number().int(), replayed: z.boolean() }),
            200: z.object({ id: Uuid, penerima: z.number().int(), replayed: z.boolean() }),
            ...ERROR_RESPONSES,
          },
        },
      },
      async (request, reply) => {
        const result = await k.sendImbauan(actorOf(request), pemilihanOf(request), request.body);
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );
    app.get(
      '/koordinasi/imbauan',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Imbauan terkirim di wilayah Anda dengan rekap konfirmasi',
          querystring: PageQuery.extend(PemilihanQuery.shape),
          response: { 200: ImbauanPage, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.listImbauan(actorOf(request), pemilihanOf(request), request.query),
    );
    app.get(
      '/koordinasi/imbauan/masuk',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Kotak masuk imbauan Anda',
          querystring: PageQuery.extend(PemilihanQuery.shape),
          response: { 200: KotakMasukPage, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.kotakMasuk(actorOf(request), pemilihanOf(request), request.query),
    );
    app.get(
      '/koordinasi/imbauan/:id',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Status per penerima',
          querystring: PemilihanQuery,
          params: IdParams,
          response: { 200: ImbauanDetail, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.getImbauan(actorOf(request), pemilihanOf(request), request.params.id),
    );
    app.post(
      '/koordinasi/imbauan/:id/baca',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Tandai dibaca',
          querystring: PemilihanQuery,
          params: IdParams,
          response: { 204: z.null(), ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        await k.markRead(actorOf(request), pemilihanOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/koordinasi/imbauan/:id/konfirmasi',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Konfirmasi imbauan diterima dan dilaksanakan',
          querystring: PemilihanQuery,
          params: IdParams,
          body: KonfirmasiInput,
          response: {
            200: z.object({ acknowledgedAt: z.string(), replayed: z.boolean() }),
            ...ERROR_RESPONSES,
          },
        },
      },
      async (request) =>
        k.acknowledge(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.post(
      '/koordinasi/imbauan/:id/pengingat',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Kirim pengingat ke penerima yang belum konfirmasi',
          querystring: PemilihanQuery,
          params: IdParams,
          response: { 200: z.object({ reminded: z.number().int() }), ...ERROR_RESPONSES },
        },
      },
      async (request) => k.remind(actorOf(request), pemilihanOf(request), request.params.id),
    );
    app.get(
      '/koordinasi/imbauan/:id/cap.xml',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Imbauan publik sebagai CAP 1.2 (OASIS)',
          querystring: PemilihanQuery,
          params: IdParams,
        },
      },
      async (request, reply) => {
        const xml = await k.capXml(actorOf(request), pemilihanOf(request), request.params.id);
        return reply.header('content-type', 'application/cap+xml; charset=utf-8').send(xml);
      },
    );

    // ── NPHD ──
    app.get(
      '/koordinasi/nphd/:kode',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'NPHD per penerima: pencairan, realisasi, serapan',
          querystring: PemilihanQuery,
          params: KodeParams,
          response: { 200: NphdResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.nphd(actorOf(request), pemilihanOf(request), request.params.kode),
    );
    app.put(
      '/koordinasi/nphd/:kode/:penerima',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Catat atau ubah NPHD satu penerima',
          querystring: PemilihanQuery,
          params: z.object({ kode: KodeWilayah, penerima: z.enum(PENERIMA_NPHD) }),
          body: NphdUpsert,
          response: { 200: NphdResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        k.upsertNphd(
          actorOf(request),
          pemilihanOf(request),
          request.params.kode,
          request.params.penerima,
          request.body,
        ),
    );
    app.post(
      '/koordinasi/nphd/transaksi/:id',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Catat pencairan atau realisasi (sekali per clientId)',
          querystring: PemilihanQuery,
          params: IdParams,
          body: NphdTransaksiInput,
          response: { 200: NphdResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        k.addNphdTransaksi(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );

    // ── forkopimda of a region ──
    app.get(
      '/koordinasi/forkopimda/:kode',
      {
        schema: {
          tags,
          summary: 'Susunan Forkopimda wilayah dan undangan rakor bawaannya',
          params: KodeParams,
          response: { 200: ForkopimdaSettingResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.forkopimda(actorOf(request), request.params.kode),
    );
    app.put(
      '/koordinasi/forkopimda/:kode',
      {
        schema: {
          tags,
          summary: 'Atur status kepala daerah, satuan Polri dan Lanal',
          params: KodeParams,
          body: ForkopimdaSetting,
          response: { 200: ForkopimdaSettingResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.setForkopimda(actorOf(request), request.params.kode, request.body),
    );

    // ── indikator ──
    app.get(
      '/koordinasi/indikator/:kode',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Indikator keberhasilan wilayah',
          querystring: PemilihanQuery,
          params: KodeParams,
          response: { 200: IndikatorResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => k.indikator(actorOf(request), pemilihanOf(request), request.params.kode),
    );
    app.put(
      '/koordinasi/indikator/:kode',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Target dan angka partisipasi/PSU',
          querystring: PemilihanQuery,
          params: KodeParams,
          body: TargetUpdate,
          response: { 200: IndikatorResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        k.updateTarget(actorOf(request), pemilihanOf(request), request.params.kode, request.body),
    );
  };
}
