/**
 * The election every operational request goes through: the one it names (`?pemilihan=`), checked
 * against the reader and cached per node for a few seconds; the one an SMS report counts for; and the
 * rule that a closed election is read-only. Rules: docs/domain/pemilihan.md.
 */
import type { Actor } from '../../../domain/access/scope';
import {
  aturanPelanggaranOf,
  concernsScope,
  pilihPemilihanAktif,
  type AturanPelanggaran,
  type JenisPemilihan,
  type Tahapan,
} from '../../../domain/pemilihan/pemilihan';
import { todayIn } from '../../../domain/time/zona';
import { DomainError, notFound } from '../../errors';
import type { PemilihanDeps, PemilihanReads } from './pemilihan-baca';
import * as repo from './pemilihan.repo';
import { pesertaOfRow } from './pemilihan.view';

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

export function createPemilihanKonteks(deps: PemilihanDeps, reads: PemilihanReads) {
  const { db } = deps;
  const { tahapanOf, jenisIndukOf } = reads;
  const contexts = new Map<string, { at: number; context: PemilihanContext }>();

  /**
   * The election an operational request names, if it concerns the actor (else 404). Cached per
   * node for a few seconds: every operational request resolves one.
   */
  async function resolve(actor: Actor, id: string): Promise<PemilihanContext> {
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
  }

  /**
   * The election a report that cannot name one counts for (SMS), by what it is about: of the
   * actor's elections that a TPS votes in (or that an area takes part in), the one a user would land
   * in (pilihPemilihanAktif: the nearest voting day ahead, else the latest open). A PSU at one
   * TPS beside the region's Pilkada thus takes that TPS's voting-day reports on its own day.
   */
  async function aktifUntuk(
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
    return resolve(actor, chosen.id);
  }

  /** Refuses a change to a closed (archived) election. */
  function requireOpen(context: PemilihanContext): void {
    if (context.ditutup) {
      throw new DomainError('invalid_state', `${context.nama} sudah ditutup: datanya hanya dapat dibaca`);
    }
  }

  /** Forgets the election's context on this node (after a change). */
  function forget(id: string): void {
    contexts.delete(id);
  }

  return { resolve, aktifUntuk, requireOpen, forget };
}
