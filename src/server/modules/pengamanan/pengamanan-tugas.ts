/**
 * Duties of the plan besides the TPS (docs/decisions/0016-tugas-pengamanan.md): the API through
 * which another module registers the duty of its record (a logistics leg, a campaign event, a patrol),
 * inside its own transaction, and the planner reads them; the Polres assigns units to them
 * (pengamanan-tugaskan.ts) and reads them (pengamanan-tugas-daftar.ts), never putting one unit at
 * more places at one instant than it has personnel (pengamanan-tugas-context.ts). Part of the
 * pengamanan service.
 */
import type { Tugas } from '../../../contracts/pengamanan';
import type { Actor } from '../../../domain/access/scope';
import type { JenisTugasLain } from '../../../domain/pengamanan/tugas';
import type { Db } from '../../db/client';
import { DomainError } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import * as repo from './pengamanan-tugas.repo';
import { createTugasReadUseCases } from './pengamanan-tugas-daftar';
import { createTugaskanUseCase } from './pengamanan-tugaskan';
import {
  requireNoOverlap,
  toDomainTugas,
  viewsOf,
  jendelaTpsOf,
  type TugasDeps,
} from './pengamanan-tugas-context';

/** What a module says of the duty of one of its records. */
export interface TugasInput {
  jenis: JenisTugasLain;
  /** The record's id in its module (one duty per record and kind). */
  sumberId: string;
  /** Dotted code of the place: the kab/kota, a kecamatan or a kelurahan/desa. */
  kodeWilayah: string;
  nama: string;
  mulai: Date | string;
  selesai: Date | string;
  kebutuhan: Partial<Record<'polri' | 'tni' | 'linmas' | 'satpolPp', number>>;
}

export function createTugasService(deps: TugasDeps) {
  const { db } = deps;

  function checkInput(input: TugasInput): { kab: string; mulai: Date; selesai: Date } {
    const kab = deps.polresAreaOf(input.kodeWilayah);
    const mulai = new Date(input.mulai);
    const selesai = new Date(input.selesai);
    if (!Number.isFinite(mulai.getTime()) || !Number.isFinite(selesai.getTime()) || selesai <= mulai)
      throw new DomainError('validation', 'Waktu selesai tugas harus sesudah waktu mulai', {
        field: 'selesai',
      });
    return { kab, mulai, selesai };
  }

  return {
    /**
     * Registers or updates the duty of a record of the calling module, inside the caller's
     * transaction (the caller has checked the actor's right to change its record). A changed window
     * that would double-book the duty's units is refused (double_booked) and the caller's change
     * rolls back with it.
     */
    async simpanTugas(
      trx: Db,
      actor: Actor,
      pemilihan: PemilihanContext,
      input: TugasInput,
    ): Promise<{ id: string }> {
      const { kab, mulai, selesai } = checkInput(input);
      const k = input.kebutuhan;
      const { before, after } = await repo.upsertTugas(trx, {
        pemilihan_id: pemilihan.id,
        kode_kabkota: kab,
        jenis: input.jenis,
        sumber_id: input.sumberId,
        kode_wilayah: input.kodeWilayah,
        nama: input.nama.slice(0, 300),
        mulai,
        selesai,
        kebutuhan_polri: k.polri ?? 0,
        kebutuhan_tni: k.tni ?? 0,
        kebutuhan_linmas: k.linmas ?? 0,
        kebutuhan_satpol_pp: k.satpolPp ?? 0,
      });
      if (before) {
        const penugasan = await repo.findPenugasan(trx, [after.id]);
        if (before.kode_kabkota !== kab && penugasan.length > 0)
          throw new DomainError(
            'validation',
            'Tugas yang sudah berpetugas tidak dapat dipindah ke kab/kota lain',
            {
              field: 'kodeWilayah',
            },
          );
        const units = await repo.lockUnits(
          trx,
          penugasan.map((p) => p.unit_id),
        );
        await requireNoOverlap(trx, { ...toDomainTugas(after), nama: after.nama }, penugasan, units);
      }
      await deps.audit.record(trx, actor, {
        action: before ? 'update' : 'create',
        entity: 'pam_tugas',
        entityId: after.id,
        kodeWilayah: input.kodeWilayah,
        before: before ?? null,
        after,
      });
      return { id: after.id };
    },

    /** Removes the duty of a record (its assignments go with it), inside the caller's transaction. */
    async hapusTugas(
      trx: Db,
      actor: Actor,
      pemilihan: PemilihanContext,
      jenis: JenisTugasLain,
      sumberId: string,
    ): Promise<void> {
      const removed = await repo.deleteTugas(trx, pemilihan.id, jenis, sumberId);
      if (!removed) return;
      await deps.audit.record(trx, actor, {
        action: 'delete',
        entity: 'pam_tugas',
        entityId: removed.id,
        kodeWilayah: removed.kode_wilayah,
        before: removed,
        after: null,
      });
    },

    /** The duties of the given records of one kind, by record id (for the owning module's lists). */
    async tugasUntukSumber(
      pemilihan: PemilihanContext,
      jenis: JenisTugasLain,
      sumberIds: readonly string[],
    ): Promise<Map<string, Tugas>> {
      const rows = await repo.findTugasBySumber(db, pemilihan.id, jenis, sumberIds);
      const byKab = new Map<string, repo.TugasRow[]>();
      for (const r of rows) byKab.set(r.kode_kabkota, [...(byKab.get(r.kode_kabkota) ?? []), r]);
      const out = new Map<string, Tugas>();
      for (const [kab, list] of byKab)
        for (const v of await viewsOf(deps, pemilihan.id, kab, list)) out.set(v.sumberId, v);
      return out;
    },

    /** Duties and assignments of a kab/kota for the planner input. */
    async tugasUntukRencana(pemilihan: PemilihanContext, kab: string) {
      const rows = await repo.findTugasOfKabKota(db, pemilihan.id, kab);
      const penugasan = await repo.findPenugasan(
        db,
        rows.map((r) => r.id),
      );
      return { rows, penugasan, jendelaTps: jendelaTpsOf(pemilihan, kab) };
    },
    ...createTugasReadUseCases(deps),
    ...createTugaskanUseCase(deps),
  };
}
export type TugasService = ReturnType<typeof createTugasService>;
