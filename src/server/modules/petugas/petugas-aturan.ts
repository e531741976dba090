/**
 * A kab/kota's rule (fatigue thresholds and how long health data is kept) and the retention that
 * deletes health data once that time has passed after an election closed.
 */
import type { Actor } from '../../../domain/access/scope';
import { RETENSI_HARI_DEFAULT } from '../../../domain/petugas/kesehatan';
import { kabKotaOf, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import { DomainError } from '../../errors';
import type { PetugasContext } from './petugas-context';
import * as kesehatanRepo from './petugas-kesehatan.repo';
import type { Aturan } from './petugas.view';

export function createAturanUseCases(ctx: PetugasContext) {
  const { deps, db, aturanOf } = ctx;

  /**
   * The retention rule, run by the timer on one node at a time (db/run-alone.ts) and by an admin on
   * demand: health data of officers of elections closed longer than their kab/kota's retention ago
   * is deleted, one audit row per kab/kota touched.
   */
  async function hapusKesehatanLewatRetensi(now: Date = deps.clock.now()): Promise<{ petugas: number }> {
    return db.transaction().execute(async (trx) => {
      const gone = await kesehatanRepo.deleteKesehatanLewatRetensi(trx, now, RETENSI_HARI_DEFAULT);
      const perArea = new Map<string, number>();
      for (const g of gone) {
        const key = `${g.pemilihan_id}|${kabKotaOf(g.kode_wilayah) ?? g.kode_wilayah}`;
        perArea.set(key, (perArea.get(key) ?? 0) + 1);
      }
      for (const [key, count] of perArea) {
        const [pemilihanId, kode] = key.split('|') as [string, string];
        await deps.audit.record(trx, null, {
          action: 'retensi',
          entity: 'petugas_kesehatan',
          entityId: pemilihanId,
          kodeWilayah: kode,
          before: null,
          after: { petugas: count },
        });
      }
      return { petugas: gone.length };
    });
  }

  return {
    hapusKesehatanLewatRetensi,

    /** A region's rule (read by everyone who reads petugas there). */
    async aturan(actor: Actor, kode: string): Promise<Aturan> {
      authorize(actor, 'petugas:read', kode);
      return aturanOf(db, kode);
    },

    /** Sets a kab/kota's fatigue thresholds and retention (an admin; audited). */
    async setAturan(
      actor: Actor,
      kode: string,
      input: { jamPeringatan: number; jamBahaya: number; retensiHari: number },
    ): Promise<Aturan> {
      authorize(actor, 'petugas:configure', kode);
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || parsed.value.level !== 'kabkota') {
        throw new DomainError('validation', 'Aturan petugas ditetapkan per kabupaten/kota', {
          field: 'kode',
        });
      }
      await deps.wilayah.require(kode);
      return db.transaction().execute(async (trx) => {
        const before = await aturanOf(trx, kode);
        await kesehatanRepo.upsertAturan(trx, {
          kode_wilayah: kode,
          jam_peringatan: input.jamPeringatan,
          jam_bahaya: input.jamBahaya,
          retensi_hari: input.retensiHari,
          updated_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: 'aturan',
          entity: 'petugas_aturan',
          entityId: null,
          kodeWilayah: kode,
          before,
          after: input,
        });
        return { kodeWilayah: kode, ...input };
      });
    },

    /** An admin runs the retention rule now (for their scope it changes nothing else). */
    async jalankanRetensi(actor: Actor): Promise<{ petugas: number }> {
      authorize(actor, 'petugas:configure', actor.kodeWilayah);
      return hapusKesehatanLewatRetensi();
    },
  };
}
