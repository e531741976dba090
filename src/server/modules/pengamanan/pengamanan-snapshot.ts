/**
 * A plan version's snapshot: the planner's input built from rows (compact digit codes, each TPS's
 * category for planning, the duties besides the TPS) with the labels and TPS codes the API shows in
 * dotted Kemendagri codes, and the what-if changes applied to it. The boundary between the pure
 * planner and storage, with pengamanan-summary.ts and pengamanan-penugasan.ts.
 */
import type { WhatIfChange } from '../../../contracts/pengamanan';
import type { Kategori } from '../../../domain/kerawanan/score-tps';
import { applyWhatIf, type Force, type UnitPengamanan } from '../../../domain/pengamanan/planner';
import type { PolaPengamanan, ReservePolicy } from '../../../domain/pengamanan/pola';
import { FORCE_LABEL } from '../../../domain/pengamanan/unit';
import type { PlanSnapshot } from '../../../domain/pengamanan/rencana-tersimpan';
import type { Jendela } from '../../../domain/pengamanan/tugas';
import { compactKode, normalizeKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { DomainError } from '../../errors';
import type { TpsForPlanRow, UnitRow } from './pengamanan.repo';
import type { TugasRow } from './pengamanan-tugas.repo';
import { toDomainTugas } from './pengamanan-tugas-context';

/** Dotted code from the planner's compact one (4, 6 or 10 digits). */
export function dotted(compact: string): string {
  return normalizeKodeWilayah(compact) ?? compact;
}

/** A TPS's category for planning: special location → khusus; else the pra-phase category, override first; unassessed → kurang rawan. */
export function kategoriForPlan(
  row: Pick<TpsForPlanRow, 'lokasi_khusus' | 'kategori' | 'override_kategori'>,
): Kategori {
  if (row.lokasi_khusus !== null) return 'khusus';
  return row.override_kategori ?? row.kategori ?? 'kurang_rawan';
}

export function buildSnapshot(input: {
  kodeKabKota: string;
  tps: readonly TpsForPlanRow[];
  units: readonly UnitRow[];
  pola: PolaPengamanan;
  reserve: ReservePolicy;
  tugas?: {
    rows: readonly TugasRow[];
    penugasan: readonly { tugas_id: string; unit_id: string; jumlah: number }[];
    jendelaTps: Jendela;
  };
}): PlanSnapshot {
  const kab = compactKode(input.kodeKabKota);
  const units: UnitPengamanan[] = input.units.map((u) => ({
    id: u.id,
    force: u.force,
    kind: u.kind,
    count: u.jumlah,
    homeKecamatan: u.home_kecamatan === null ? null : compactKode(u.home_kecamatan),
    homeKodeKelurahan: u.home_kelurahan === null ? null : compactKode(u.home_kelurahan),
    homeKabKota: kab,
    available: u.available,
  }));
  return {
    kodeKabKota: input.kodeKabKota,
    planner: {
      tps: input.tps.map((t) => ({
        id: t.id,
        kodeKelurahan: compactKode(t.kode_wilayah),
        nomor: t.nomor,
        kategori: kategoriForPlan(t),
      })),
      units,
      pola: input.pola,
      reserve: input.reserve,
      tugas: (input.tugas?.rows ?? []).map(toDomainTugas),
      penugasanTugas: (input.tugas?.penugasan ?? []).map((p) => ({
        tugasId: p.tugas_id,
        unitId: p.unit_id,
        count: p.jumlah,
      })),
      jendelaTps: input.tugas?.jendelaTps ?? null,
    },
    tugas: Object.fromEntries(
      (input.tugas?.rows ?? []).map((t) => [
        t.id,
        {
          jenis: t.jenis,
          nama: t.nama,
          kodeWilayah: t.kode_wilayah,
          mulai: new Date(t.mulai).toISOString(),
          selesai: new Date(t.selesai).toISOString(),
        },
      ]),
    ),
    units: Object.fromEntries(
      input.units.map((u) => [
        u.id,
        { label: u.jabatan ? `${u.nama} (${u.jabatan})` : u.nama, force: u.force },
      ]),
    ),
  };
}

export function labelForce(force: Force): string {
  return FORCE_LABEL[force];
}

/** Applies what-if changes (dotted codes, TPS by KPU code) to a snapshot; unknown targets are refused. */
export function applyChanges(snapshot: PlanSnapshot, changes: readonly WhatIfChange[]): PlanSnapshot {
  let planner = snapshot.planner;
  const units = { ...snapshot.units };
  const kab = compactKode(snapshot.kodeKabKota);
  for (const change of changes) {
    switch (change.kind) {
      case 'tambah_bko': {
        if (change.homeKecamatan !== null && !change.homeKecamatan.startsWith(`${snapshot.kodeKabKota}.`))
          throw new DomainError('validation', 'Kecamatan BKO harus di kab/kota ini', {
            field: 'homeKecamatan',
          });
        planner = applyWhatIf(planner, {
          kind: 'tambah_bko',
          count: change.count,
          force: change.force,
          homeKabKota: kab,
          homeKecamatan: change.homeKecamatan === null ? null : compactKode(change.homeKecamatan),
        });
        const added = planner.units[planner.units.length - 1];
        if (added)
          units[added.id] = { label: `${labelForce(change.force)} tambahan (skenario)`, force: change.force };
        break;
      }
      case 'ubah_kategori': {
        const wanted = change.tps.replace(/\./g, '');
        const tps = planner.tps.find(
          (t) => t.id === change.tps || `${t.kodeKelurahan}${String(t.nomor).padStart(3, '0')}` === wanted,
        );
        if (!tps)
          throw new DomainError('validation', `TPS ${change.tps} tidak ada di kab/kota ini`, {
            field: 'tps',
          });
        planner = applyWhatIf(planner, { kind: 'ubah_kategori', tpsId: tps.id, kategori: change.kategori });
        break;
      }
      case 'tarik_unit':
        if (!planner.units.some((u) => u.id === change.unitId))
          throw new DomainError('validation', 'Unit tidak ada di rencana ini', { field: 'unitId' });
        planner = applyWhatIf(planner, { kind: 'tarik_unit', unitId: change.unitId });
        break;
    }
  }
  return { ...snapshot, planner, units };
}
