/**
 * Elections as records: who sees which (need-to-know per election as well as per wilayah), who
 * records and closes them, their stages and TPS, and the resolution every operational request goes
 * through (`resolve`): the election it names, checked against the reader, with its voting day. Also
 * the holiday list that working-day deadlines skip. Rules: docs/domain/pemilihan.md.
 */
import type {
  HariLibur,
  Pemilihan,
  PemilihanCreateInput,
  PemilihanDetail,
  PemilihanList,
  PemilihanUpdateInput,
} from '../../../contracts/pemilihan';
import { hasPermission } from '../../../domain/access/roles';
import { isInScope, type Actor } from '../../../domain/access/scope';
import {
  aturanPelanggaranOf,
  checkTahapan,
  concernsScope,
  faseOf,
  indukRule,
  pesertaOf,
  pilihPemilihanAktif,
  posisiHari,
  TAHAPAN_TEMPLATE,
  tahapanFor,
  type AturanPelanggaran,
  type JenisPemilihan,
  type Tahapan,
} from '../../../domain/pemilihan/pemilihan';
import { HARI_LIBUR_RESMI } from '../../../domain/time/hari-libur';
import { todayIn } from '../../../domain/time/zona';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { DomainError, forbidden, notFound } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import { authorize } from '../../cross-cutting/access';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './pemilihan.repo';

/** What an operational use case needs of the election its request names. */
export interface PemilihanContext {
  id: string;
  nama: string;
  jenis: JenisPemilihan;
  hariPemungutan: string;
  kodeWilayah: string | null;
  ditutup: boolean;
  tahapan: readonly Tahapan[];
  aturanPelanggaran: AturanPelanggaran;
  /** The areas that vote ('nasional' for all). */
  peserta: readonly string[] | 'nasional';
}

/** How long a node keeps a resolved election: every operational request resolves one. */
const CONTEXT_TTL_MS = 5_000;
const LIBUR_TTL_MS = 60_000;

// The rule lives with createOnce (cross-cutting); re-exported for the modules that check it by hand.
export { sameElection } from '../../cross-cutting/create-once';
import { createOnce } from '../../cross-cutting/create-once';

export function createPemilihanService(deps: {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
}) {
  const { db } = deps;
  const contexts = new Map<string, { at: number; context: PemilihanContext }>();
  let liburCache: { at: number; dates: readonly string[] } | undefined;

  function canManage(actor: Actor, row: { kode_wilayah: string | null }): boolean {
    if (!hasPermission(actor.role, 'pemilihan:manage')) return false;
    return row.kode_wilayah === null ? actor.kodeWilayah === null : isInScope(actor, row.kode_wilayah);
  }

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

  function toView(
    actor: Actor,
    row: repo.PemilihanRow,
    today: string,
    jenisInduk?: JenisPemilihan,
  ): Pemilihan {
    return {
      id: row.id,
      nama: row.nama,
      jenis: row.jenis,
      hariPemungutan: row.hari_pemungutan,
      kodeWilayah: row.kode_wilayah,
      namaWilayah: row.nama_wilayah,
      indukId: row.induk_id,
      ditutupAt: row.ditutup_at === null ? null : new Date(row.ditutup_at).toISOString(),
      fase: faseOf({ hariPemungutan: row.hari_pemungutan, ditutup: row.ditutup_at !== null }, today),
      hari: posisiHari(row.hari_pemungutan, today),
      aturanPelanggaran: aturanPelanggaranOf(row.jenis, jenisInduk),
      jumlahWilayahPeserta: row.wilayah_peserta.length,
      jumlahTps: row.jumlah_tps,
      isGenerated: row.is_generated,
      bisaKelola: canManage(actor, row),
      version: row.version,
    };
  }

  function pesertaOfRow(row: repo.PemilihanRow) {
    return pesertaOf({
      kodeWilayah: row.kode_wilayah,
      wilayahPeserta: row.wilayah_peserta,
      tpsWilayah: row.tps_wilayah,
    });
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
      ...toView(actor, row, today, induk?.jenis),
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

  function validateTahapan(tahapan: readonly Tahapan[], hariPemungutan: string): void {
    const problems = checkTahapan(tahapan, hariPemungutan);
    if (problems.length > 0) {
      throw new DomainError('validation', problems[0] ?? 'Tahapan tidak valid', {
        field: 'tahapan',
        problems,
      });
    }
  }

  /** The holding area, voting areas, parent and TPS of a new election, checked against each other. */
  async function checkPeserta(actor: Actor, input: PemilihanCreateInput): Promise<void> {
    const { jenis, kodeWilayah } = input;
    if (kodeWilayah !== null) await deps.wilayah.require(kodeWilayah);
    const level = kodeWilayah === null ? null : parseKodeWilayah(kodeWilayah);
    const holdingLevel = level?.ok ? level.value.level : null;
    if (jenis === 'pilkades' && holdingLevel !== 'kabkota') {
      throw new DomainError('validation', 'Pilkades diselenggarakan oleh kabupaten: pilih kabupaten', {
        field: 'kodeWilayah',
      });
    }
    const national = jenis === 'pemilu' || jenis === 'pilkada_serentak';
    if (national !== (kodeWilayah === null)) {
      // One record per national election, whatever region looks at it; every other kind is held
      // by a region (a PSU or lanjutan by its KPU kab/kota, a Pilkades by its kabupaten).
      throw new DomainError(
        'validation',
        national
          ? 'Pemilu dan Pilkada serentak bersifat nasional: kosongkan wilayah penyelenggara'
          : 'Sebutkan wilayah penyelenggara pemilihan ini',
        { field: 'kodeWilayah' },
      );
    }
    const rule = indukRule(jenis);
    if (rule === 'wajib' && input.indukId === null) {
      throw new DomainError('validation', 'PSU harus menyebut pemilihan induknya', { field: 'indukId' });
    }
    if (rule === 'tidak' && input.indukId !== null) {
      throw new DomainError('validation', 'Jenis pemilihan ini tidak memiliki pemilihan induk', {
        field: 'indukId',
      });
    }
    let indukPeserta: readonly string[] | 'nasional' = 'nasional';
    if (input.indukId !== null) {
      const induk = await findVisible(actor, input.indukId).catch(() => {
        throw new DomainError('validation', 'Pemilihan induk tidak ditemukan', { field: 'indukId' });
      });
      if (input.hariPemungutan <= induk.hari_pemungutan) {
        throw new DomainError('validation', 'Hari pemungutan harus sesudah hari pemungutan pemilihan induk', {
          field: 'hariPemungutan',
        });
      }
      if (induk.ditutup_at !== null) {
        throw new DomainError('invalid_state', 'Pemilihan induk sudah ditutup', { field: 'indukId' });
      }
      indukPeserta = pesertaOfRow(induk);
    }
    const insideHolding = (kode: string) => kodeWilayah === null || isInScope({ kodeWilayah }, kode);
    const insideInduk = (kode: string) =>
      indukPeserta === 'nasional' || indukPeserta.some((p) => isInScope({ kodeWilayah: p }, kode));
    // Voting areas: inside the holding area; a Pilkades is held in desa, never in a kelurahan.
    const kodes = [...new Set(input.wilayahPeserta)];
    if (jenis === 'pilkades' && kodes.length === 0) {
      throw new DomainError('validation', 'Sebutkan desa yang menyelenggarakan Pilkades', {
        field: 'wilayahPeserta',
      });
    }
    const jenisByKode = new Map((await repo.findWilayahJenis(db, kodes)).map((w) => [w.kode, w.jenis]));
    for (const kode of kodes) {
      const jenisWilayah = jenisByKode.get(kode);
      if (jenisWilayah === undefined) {
        throw new DomainError('not_found', `Wilayah ${kode} tidak ditemukan`, { field: 'wilayahPeserta' });
      }
      if (!insideHolding(kode) || !insideInduk(kode)) {
        throw new DomainError('validation', `Wilayah ${kode} di luar wilayah penyelenggara`, {
          field: 'wilayahPeserta',
        });
      }
      if (jenis === 'pilkades' && jenisWilayah !== 'desa' && jenisWilayah !== 'desa_adat') {
        throw new DomainError('validation', `${kode} bukan desa: Pilkades hanya diselenggarakan di desa`, {
          field: 'wilayahPeserta',
        });
      }
    }
    // TPS: a PSU names at least one, each inside the holding area and its parent's voting areas.
    const tpsIds = [...new Set(input.tps.map((t) => t.tpsId))];
    if (jenis === 'psu' && tpsIds.length === 0) {
      throw new DomainError('validation', 'PSU harus menyebut TPS yang memungut suara ulang', {
        field: 'tps',
      });
    }
    if (tpsIds.length !== input.tps.length) {
      throw new DomainError('validation', 'TPS yang sama disebut dua kali', { field: 'tps' });
    }
    const tpsRows = await repo.findTpsWilayah(db, tpsIds);
    if (tpsRows.length !== tpsIds.length)
      throw new DomainError('not_found', 'TPS tidak ditemukan', { field: 'tps' });
    if (tpsRows.some((t) => !insideHolding(t.kode_wilayah) || !insideInduk(t.kode_wilayah))) {
      throw new DomainError('validation', 'TPS di luar wilayah penyelenggara', { field: 'tps' });
    }
  }

  function invalidate(id: string): void {
    contexts.delete(id);
  }

  return {
    async list(actor: Actor): Promise<PemilihanList> {
      const rows = await repo.findAllPemilihan(db);
      const visible = rows.filter((row) => concernsScope(pesertaOfRow(row), actor.kodeWilayah));
      const today = todayIn(actor.kodeWilayah, deps.clock.now());
      const jenisById = new Map(rows.map((row) => [row.id, row.jenis]));
      const items = visible.map((row) =>
        toView(actor, row, today, row.induk_id === null ? undefined : jenisById.get(row.induk_id)),
      );
      const aktif = pilihPemilihanAktif(
        items.map((p) => ({ id: p.id, hariPemungutan: p.hariPemungutan, ditutup: p.ditutupAt !== null })),
        today,
      );
      return { items, aktifId: aktif?.id ?? null };
    },

    get: detail,

    async create(actor: Actor, input: PemilihanCreateInput): Promise<PemilihanDetail> {
      authorize(actor, 'pemilihan:manage', input.kodeWilayah);
      // An election belongs to no election: a resend answers with its first copy as it is.
      const { made: id } = await createOnce({
        find: () => repo.findPemilihanByClientId(db, input.clientId),
        replay: (first) => first.id,
        write: async () => {
          await checkPeserta(actor, input);
          if (input.tahapan) validateTahapan(input.tahapan, input.hariPemungutan);
          return db.transaction().execute(async (trx) => {
            const id = await repo.insertPemilihan(
              trx,
              {
                client_id: input.clientId,
                nama: input.nama,
                jenis: input.jenis,
                hari_pemungutan: input.hariPemungutan,
                kode_wilayah: input.kodeWilayah,
                induk_id: input.indukId,
                catatan: input.catatan,
                created_by: actor.userId,
              },
              { wilayah: [...new Set(input.wilayahPeserta)], tps: input.tps },
            );
            if (input.tahapan) await repo.replaceTahapan(trx, id, input.tahapan);
            await deps.audit.record(trx, actor, {
              action: 'pemilihan.create',
              entity: 'pemilihan',
              entityId: id,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...input },
            });
            return id;
          });
        },
      });
      return detail(actor, id);
    },

    async update(actor: Actor, id: string, input: PemilihanUpdateInput): Promise<PemilihanDetail> {
      const visible = await findVisible(actor, id);
      if (!canManage(actor, visible)) throw forbidden('Anda tidak berwenang mengubah pemilihan ini');
      await db.transaction().execute(async (trx) => {
        const row = await repo.findPemilihanForUpdate(trx, id);
        if (!row) throw notFound('Pemilihan');
        if (row.version !== input.version) {
          throw new DomainError('conflict', 'Pemilihan telah diubah orang lain; muat ulang lalu coba lagi', {
            version: row.version,
          });
        }
        const closing = input.ditutup;
        if (row.ditutup_at !== null && closing !== false) {
          throw new DomainError('invalid_state', 'Pemilihan sudah ditutup; buka kembali sebelum mengubahnya');
        }
        const hari = input.hariPemungutan ?? row.hari_pemungutan;
        if (input.tahapan) validateTahapan(input.tahapan, hari);
        await repo.updatePemilihan(trx, id, {
          ...(input.nama !== undefined && { nama: input.nama }),
          ...(input.hariPemungutan !== undefined && { hari_pemungutan: input.hariPemungutan }),
          ...(input.catatan !== undefined && { catatan: input.catatan }),
          ...(closing !== undefined && { ditutup_at: closing ? deps.clock.now() : null }),
        });
        if (input.tahapan !== undefined) await repo.replaceTahapan(trx, id, input.tahapan);
        await deps.audit.record(trx, actor, {
          action:
            closing === true
              ? 'pemilihan.close'
              : closing === false
                ? 'pemilihan.reopen'
                : 'pemilihan.update',
          entity: 'pemilihan',
          entityId: id,
          kodeWilayah: row.kode_wilayah,
          before: {
            nama: row.nama,
            hariPemungutan: row.hari_pemungutan,
            catatan: row.catatan,
            ditutup: row.ditutup_at !== null,
          },
          after: input,
        });
      });
      invalidate(id);
      return detail(actor, id);
    },

    /**
     * The election an operational request names, if it concerns the actor (else 404). Cached per
     * node for a few seconds: every operational request resolves one.
     */
    async resolve(actor: Actor, id: string): Promise<PemilihanContext> {
      const cached = contexts.get(id);
      let context = cached && Date.now() - cached.at < CONTEXT_TTL_MS ? cached.context : undefined;
      if (!context) {
        const row = await repo.findPemilihan(db, id);
        if (!row) throw notFound('Pemilihan');
        const [own, jenisInduk] = await Promise.all([tahapanOf(row), jenisIndukOf(row)]);
        context = {
          id: row.id,
          nama: row.nama,
          jenis: row.jenis,
          hariPemungutan: row.hari_pemungutan,
          kodeWilayah: row.kode_wilayah,
          ditutup: row.ditutup_at !== null,
          tahapan: own.tahapan,
          aturanPelanggaran: aturanPelanggaranOf(row.jenis, jenisInduk),
          peserta: pesertaOfRow(row),
        };
        contexts.set(id, { at: Date.now(), context });
      }
      if (!concernsScope(context.peserta, actor.kodeWilayah)) throw notFound('Pemilihan');
      return context;
    },

    /**
     * The election a report that cannot name one counts for (SMS), by what it is about: of the
     * actor's elections that a TPS votes in (or that an area takes part in), the one a user would land
     * in (pilihPemilihanAktif: the nearest voting day ahead, else the latest open). A PSU at one
     * TPS beside the region's Pilkada thus takes that TPS's voting-day reports on its own day.
     */
    async aktifUntuk(
      actor: Actor,
      about: { tpsId: string } | { kodeWilayah: string },
    ): Promise<PemilihanContext> {
      const rows = (await repo.findAllPemilihan(db)).filter((row) =>
        concernsScope(pesertaOfRow(row), actor.kodeWilayah),
      );
      let candidates: typeof rows;
      if ('tpsId' in about) {
        const voting = new Set(
          (
            await repo.findPemilihanMemuatTps(
              db,
              rows.map((r) => r.id),
              about.tpsId,
            )
          ).map((r) => r.id),
        );
        candidates = rows.filter((r) => voting.has(r.id));
      } else {
        candidates = rows.filter((r) => concernsScope(pesertaOfRow(r), about.kodeWilayah));
      }
      const today = todayIn(actor.kodeWilayah, deps.clock.now());
      const chosen = pilihPemilihanAktif(
        candidates.map((r) => ({
          id: r.id,
          hariPemungutan: r.hari_pemungutan,
          ditutup: r.ditutup_at !== null,
        })),
        today,
      );
      if (chosen === null || chosen.ditutup)
        throw new DomainError(
          'invalid_state',
          'tpsId' in about
            ? 'TPS ini tidak ikut pemilihan yang sedang berjalan'
            : 'Wilayah ini tidak ikut pemilihan yang sedang berjalan',
        );
      return this.resolve(actor, chosen.id);
    },

    /** Refuses a change to a closed (archived) election. */
    requireOpen(context: PemilihanContext): void {
      if (context.ditutup) {
        throw new DomainError('invalid_state', `${context.nama} sudah ditutup: datanya hanya dapat dibaca`);
      }
    },

    async listHariLibur(tahun?: number): Promise<{ items: HariLibur[] }> {
      const rows = await repo.findHariLibur(db, tahun);
      return { items: rows };
    },

    /** Holiday dates for working-day deadlines, cached per node for a minute. */
    async liburDates(): Promise<readonly string[]> {
      if (liburCache && Date.now() - liburCache.at < LIBUR_TTL_MS) return liburCache.dates;
      const rows = await repo.findHariLibur(db);
      liburCache = { at: Date.now(), dates: rows.map((r) => r.tanggal) };
      return liburCache.dates;
    },

    async putHariLibur(actor: Actor, input: HariLibur): Promise<HariLibur> {
      authorize(actor, 'hari_libur:manage', null);
      await db.transaction().execute(async (trx) => {
        const before = await repo.upsertHariLibur(trx, input);
        await deps.audit.record(trx, actor, {
          action: before ? 'hari_libur.update' : 'hari_libur.create',
          entity: 'hari_libur',
          entityId: input.tanggal,
          kodeWilayah: null,
          before: before ?? null,
          after: input,
        });
      });
      liburCache = undefined;
      return input;
    },

    async deleteHariLibur(actor: Actor, tanggal: string): Promise<void> {
      authorize(actor, 'hari_libur:manage', null);
      await db.transaction().execute(async (trx) => {
        const before = await repo.deleteHariLibur(trx, tanggal);
        if (!before) throw notFound('Hari libur');
        await deps.audit.record(trx, actor, {
          action: 'hari_libur.delete',
          entity: 'hari_libur',
          entityId: tanggal,
          kodeWilayah: null,
          before,
          after: null,
        });
      });
      liburCache = undefined;
    },

    /** Bootstrap: the official holidays of years the list does not hold yet. */
    async seedHariLiburResmi(): Promise<number> {
      return repo.seedHariLibur(db, HARI_LIBUR_RESMI);
    },
  };
}

export type PemilihanService = ReturnType<typeof createPemilihanService>;
