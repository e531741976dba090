/** The forces of a Polres area as a reader sees them: units, personnel per force and kecamatan, need. */
import type { ForcesResponse } from '../../../contracts/pengamanan';
import type { Actor } from '../../../domain/access/scope';
import { KIND_OF_FORCE, type Force } from '../../../domain/pengamanan/unit';
import { kebutuhan } from '../../../domain/pengamanan/pola';
import { isWithinWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { may, polresAreaOf, type PengamananContext } from './pengamanan-context';
import { buildSnapshot } from './pengamanan-snapshot';
import { kecamatanTanpa } from './pengamanan-summary';
import { toUnit } from './pengamanan.view';
import * as repo from './pengamanan.repo';

export function createForcesUseCase(ctx: PengamananContext) {
  const { db, deps, areas, settingOf } = ctx;
  const useCases = {
    async forces(actor: Actor, pemilihan: PemilihanContext, wilayah: string): Promise<ForcesResponse> {
      authorize(actor, 'pengamanan:read', wilayah);
      const kab = polresAreaOf(wilayah);
      const [area, kabRow, units, tps, setting] = await Promise.all([
        areas(kab),
        deps.wilayah.require(kab),
        repo.findUnits(db, pemilihan.id, kab),
        repo.findTpsForPlan(db, pemilihan.id, kab),
        settingOf(pemilihan.id, kab),
      ]);
      const visible = units.filter(
        (u) =>
          wilayah === kab ||
          (u.home_kecamatan !== null &&
            isWithinWilayah(u.home_kecamatan, wilayah.split('.').slice(0, 3).join('.'))),
      );
      const perForce = new Map<Force, { units: number; personel: number; tersedia: number }>();
      for (const u of visible) {
        const f = perForce.get(u.force) ?? { units: 0, personel: 0, tersedia: 0 };
        f.units++;
        f.personel += u.jumlah;
        if (u.available) f.tersedia += u.jumlah;
        perForce.set(u.force, f);
      }
      const tpsByKec = new Map<string, number>();
      for (const t of tps) {
        const kec = t.kode_wilayah.split('.').slice(0, 3).join('.');
        tpsByKec.set(kec, (tpsByKec.get(kec) ?? 0) + 1);
      }
      const snapshot = buildSnapshot({ kodeKabKota: kab, tps, units, ...setting });
      const tanpa = new Map(
        kecamatanTanpa(
          snapshot.planner.units,
          area.kecamatan.map((k) => k.kode),
        ).map((k) => [k.kode, k]),
      );
      const inArea = (kode: string) =>
        wilayah === kab || isWithinWilayah(kode, wilayah) || isWithinWilayah(wilayah, kode);
      const perKecamatan = area.kecamatan
        .filter((k) => inArea(k.kode))
        .map((k) => {
          const personel: Record<string, number> = {};
          for (const u of units)
            if (u.home_kecamatan === k.kode && u.available)
              personel[u.force] = (personel[u.force] ?? 0) + u.jumlah;
          return {
            kode: k.kode,
            nama: k.nama,
            tps: tpsByKec.get(k.kode) ?? 0,
            personel,
            hasPolsek: !(tanpa.get(k.kode)?.polsek ?? false),
            hasKoramil: !(tanpa.get(k.kode)?.koramil ?? false),
          };
        });
      const need = kebutuhan(
        snapshot.planner.tps.filter(
          (t) => wilayah === kab || t.kodeKelurahan.startsWith(wilayah.replace(/\./g, '')),
        ),
        setting.pola,
      ).total;
      return {
        kodeKabKota: kab,
        namaKabKota: kabRow.nama,
        wilayah,
        units: visible.map((u) => toUnit(u, area.names)),
        perForce: [...perForce].map(([force, f]) => ({ force, kind: KIND_OF_FORCE[force], ...f })),
        perKecamatan,
        kecamatanTanpa: [...tanpa.values()]
          .filter((k) => inArea(k.kode))
          .map((k) => ({
            kode: k.kode,
            nama: area.names.get(k.kode) ?? k.kode,
            polsek: k.polsek,
            koramil: k.koramil,
          })),
        kebutuhan: {
          tps: need.tps,
          kelompok: need.kelompok,
          polri: need.polri,
          linmas: need.linmas,
          tni: need.tni,
        },
        canPlan: may(actor, 'pengamanan:plan', kab),
        canApprove: may(actor, 'pengamanan:approve', kab),
      };
    },
  };
  return useCases;
}
