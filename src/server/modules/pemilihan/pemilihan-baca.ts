/**
 * Reading elections: the list a user sees (need-to-know per election as well as per wilayah), one
 * election in full, and the pieces other use cases share (the visible row, its stages, its parent's
 * kind). Rules: docs/domain/pemilihan.md.
 */
import type { PemilihanDetail, PemilihanList } from '../../../contracts/pemilihan';
import type { Actor } from '../../../domain/access/scope';
import {
  concernsScope,
  pilihPemilihanAktif,
  TAHAPAN_TEMPLATE,
  tahapanFor,
  type JenisPemilihan,
} from '../../../domain/pemilihan/pemilihan';
import { todayIn } from '../../../domain/time/zona';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import type { Db } from '../../db/client';
import { notFound } from '../../errors';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './pemilihan.repo';
import { pesertaOfRow, toPemilihanView } from './pemilihan.view';

/** What the election use cases are given. */
export interface PemilihanDeps {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
}

export function createPemilihanReads(deps: PemilihanDeps) {
  const { db } = deps;
  async function jenisIndukOf(row: repo.PemilihanRow): Promise<JenisPemilihan | undefined> {
    if (row.induk_id === null) return undefined;
    const induk = await repo.findPemilihan(db, row.induk_id);
    return induk?.jenis;
  }

  async function tahapanOf(row: { id: string; jenis: JenisPemilihan; hari_pemungutan: string }) {
    const own = await repo.findTahapan(db, row.id);
    if (own.length === 0) return { sendiri: false, tahapan: tahapanFor(row.jenis, row.hari_pemungutan) };
    return {
      sendiri: true,
      tahapan: own.map((t) => ({ kode: t.kode, nama: t.nama, mulaiOn: t.mulai_on, selesaiOn: t.selesai_on })),
    };
  }

  /** The row when it concerns the actor; 404 otherwise (a record outside one's scope does not exist). */
  async function findVisible(actor: Actor, id: string): Promise<repo.PemilihanRow> {
    const row = await repo.findPemilihan(db, id);
    if (!row || !concernsScope(pesertaOfRow(row), actor.kodeWilayah)) throw notFound('Pemilihan');
    return row;
  }

  async function detail(actor: Actor, id: string): Promise<PemilihanDetail> {
    const row = await findVisible(actor, id);
    const today = todayIn(actor.kodeWilayah ?? row.kode_wilayah, deps.clock.now());
    const [induk, anak, own, wilayahPeserta, tps] = await Promise.all([
      row.induk_id === null ? Promise.resolve(undefined) : repo.findPemilihan(db, row.induk_id),
      repo.findAnak(db, row.id),
      tahapanOf(row),
      repo.findWilayahPeserta(db, row.id),
      repo.findPemilihanTps(db, row.id),
    ]);
    const pasca = new Set(TAHAPAN_TEMPLATE[row.jenis].filter((t) => t.pasca).map((t) => t.kode));
    return {
      ...toPemilihanView(actor, row, today, induk?.jenis),
      catatan: row.catatan,
      induk: induk ? { id: induk.id, nama: induk.nama, hariPemungutan: induk.hari_pemungutan } : null,
      anak: anak.map((a) => ({ id: a.id, nama: a.nama, jenis: a.jenis, hariPemungutan: a.hari_pemungutan })),
      tahapanSendiri: own.sendiri,
      tahapan: own.tahapan.map((t) => ({
        ...t,
        status: today < t.mulaiOn ? 'akan_datang' : today > t.selesaiOn ? 'selesai' : 'berjalan',
        pasca: pasca.has(t.kode) || t.mulaiOn > row.hari_pemungutan,
      })),
      wilayahPeserta,
      tps: tps.map((t) => ({
        id: t.id,
        kode: t.kode,
        nomor: t.nomor,
        kodeWilayah: t.kode_wilayah,
        alasan: t.alasan,
      })),
    };
  }

  async function list(actor: Actor): Promise<PemilihanList> {
    const rows = await repo.findAllPemilihan(db);
    const visible = rows.filter((row) => concernsScope(pesertaOfRow(row), actor.kodeWilayah));
    const today = todayIn(actor.kodeWilayah, deps.clock.now());
    const jenisById = new Map(rows.map((row) => [row.id, row.jenis]));
    const items = visible.map((row) =>
      toPemilihanView(actor, row, today, row.induk_id === null ? undefined : jenisById.get(row.induk_id)),
    );
    const aktif = pilihPemilihanAktif(
      items.map((p) => ({ id: p.id, hariPemungutan: p.hariPemungutan, ditutup: p.ditutupAt !== null })),
      today,
    );
    return { items, aktifId: aktif?.id ?? null };
  }

  return { jenisIndukOf, tahapanOf, findVisible, detail, list };
}

export type PemilihanReads = ReturnType<typeof createPemilihanReads>;
