/** Reading the duties besides the TPS: the list of an area, and the units double-booked in it. */
import type { BentrokList, TugasList, TugasQuery } from '../../../contracts/pengamanan';
import type { Actor } from '../../../domain/access/scope';
import { cariBentrok } from '../../../domain/pengamanan/tugas';
import { isWithinWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import * as repo from './pengamanan-tugas.repo';
import {
  iso,
  kapasitasOf,
  labelOf,
  readArea,
  toDomainTugas,
  viewsOf,
  type TugasDeps,
} from './pengamanan-tugas-context';

export function createTugasReadUseCases(deps: TugasDeps) {
  const { db } = deps;
  return {
    /** Duties at or below a wilayah, in time order, with their units, shortfall and overlaps. */
    async daftarTugas(actor: Actor, pemilihan: PemilihanContext, query: TugasQuery): Promise<TugasList> {
      const area = readArea(actor, query.wilayah);
      const kab = deps.polresAreaOf(area);
      const rows = (await repo.findTugasOfKabKota(db, pemilihan.id, kab)).filter(
        (r) =>
          isWithinWilayah(r.kode_wilayah, area) && (query.jenis === undefined || r.jenis === query.jenis),
      );
      return { items: await viewsOf(deps, pemilihan.id, kab, rows) };
    },

    /** Units asked for at more places at once than they have (after a unit shrank or was withdrawn). */
    async bentrokTugas(actor: Actor, pemilihan: PemilihanContext, wilayah: string): Promise<BentrokList> {
      const area = readArea(actor, wilayah);
      const kab = deps.polresAreaOf(area);
      const [rows, units] = await Promise.all([
        repo.findTugasOfKabKota(db, pemilihan.id, kab),
        deps.findUnits(db, pemilihan.id, kab),
      ]);
      const penugasan = await repo.findPenugasan(
        db,
        rows.map((r) => r.id),
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const unitById = new Map(units.map((u) => [u.id, u]));
      const conflicts = cariBentrok(
        units.map(kapasitasOf),
        rows.map(toDomainTugas),
        penugasan.map((p) => ({ tugasId: p.tugas_id, unitId: p.unit_id, count: p.jumlah })),
      );
      return {
        items: conflicts
          .filter((b) => b.tugasIds.some((t) => isWithinWilayah(byId.get(t)?.kode_wilayah ?? '', area)))
          .map((b) => ({
            unitId: b.unitId,
            unitNama: unitById.has(b.unitId) ? labelOf(unitById.get(b.unitId)!) : b.unitId,
            mulai: iso(new Date(b.mulai)),
            selesai: iso(new Date(b.selesai)),
            dipakai: b.dipakai,
            kapasitas: b.kapasitas,
            tugas: b.tugasIds.map((t) => ({
              id: t,
              jenis: byId.get(t)?.jenis ?? 'logistik',
              nama: byId.get(t)?.nama ?? t,
            })),
          })),
      };
    },
  };
}
