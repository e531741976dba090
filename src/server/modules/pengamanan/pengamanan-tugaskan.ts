/** Assigning units to a duty besides the TPS (the Polres: Kabag Ops), never double-booking one. */
import type { Tugas, TugaskanInput } from '../../../contracts/pengamanan';
import type { Actor } from '../../../domain/access/scope';
import { isRelated } from '../../../domain/access/scope';
import { DomainError, notFound } from '../../errors';
import { authorize } from '../../cross-cutting/access';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import * as repo from './pengamanan-tugas.repo';
import {
  labelOf,
  requireNoOverlap,
  toDomainTugas,
  viewsOf,
  type TugasDeps,
} from './pengamanan-tugas-context';

export function createTugaskanUseCase(deps: TugasDeps) {
  const { db } = deps;
  return {
    /**
     * Replaces the units of a duty (the Polres: Kabag Ops). Units of the duty's kab/kota and election
     * only; refused (double_booked) when a unit would stand at more places at one instant than it has.
     */
    async tugaskan(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: TugaskanInput,
    ): Promise<Tugas> {
      authorize(actor, 'pengamanan:read', actor.kodeWilayah);
      const row = await repo.findTugas(db, id);
      if (!row || row.pemilihan_id !== pemilihan.id || !isRelated(actor, row.kode_kabkota))
        throw notFound('Tugas');
      authorize(actor, 'pengamanan:plan', row.kode_kabkota);
      deps.requirePolri(actor);
      const wanted = input.petugas.map((p) => ({ unit_id: p.unitId, jumlah: p.jumlah }));
      await db.transaction().execute(async (trx) => {
        const bumped = await repo.bumpTugasVersion(trx, id, input.version);
        if (!bumped)
          throw new DomainError('conflict', 'Tugas ini sudah diubah orang lain; muat ulang lalu ulangi', {
            version: row.version,
          });
        const units = await repo.lockUnits(
          trx,
          wanted.map((p) => p.unit_id),
        );
        const unitById = new Map(units.map((u) => [u.id, u]));
        wanted.forEach((p, i) => {
          const u = unitById.get(p.unit_id);
          if (!u || u.pemilihan_id !== pemilihan.id || u.kode_kabkota !== row.kode_kabkota)
            throw new DomainError('validation', 'Unit tidak ada di kekuatan kab/kota ini', {
              field: `petugas.${i}.unitId`,
            });
          if (p.jumlah > u.jumlah)
            throw new DomainError('validation', `${labelOf(u)} hanya ${u.jumlah} personel`, {
              field: `petugas.${i}.jumlah`,
            });
        });
        await requireNoOverlap(trx, { ...toDomainTugas(row), nama: row.nama }, wanted, units);
        const before = await repo.findPenugasan(trx, [id]);
        await repo.replacePenugasan(trx, id, wanted);
        await deps.audit.record(trx, actor, {
          action: 'assign',
          entity: 'pam_tugas',
          entityId: id,
          kodeWilayah: row.kode_wilayah,
          before: { petugas: before.map((p) => ({ unitId: p.unit_id, jumlah: p.jumlah })) },
          after: { petugas: input.petugas },
        });
      });
      const fresh = await repo.findTugas(db, id);
      const [view] = await viewsOf(deps, pemilihan.id, row.kode_kabkota, [fresh!]);
      return view!;
    },
  };
}
