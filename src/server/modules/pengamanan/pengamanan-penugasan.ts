/**
 * Who stands where in a plan, as a plan version stores it: one row per TPS with its share of its
 * group's Polri and Linmas and the units at the group, and per unit where its personnel stand, what
 * it keeps in reserve and its other duties (the plotting lists).
 */
import type { Plan } from '../../../domain/pengamanan/planner';
import { bagianKelompok } from '../../../domain/pengamanan/pola';
import { formatKodeTps } from '../../../domain/tps/kode-tps';
import type {
  PetugasEntry,
  PlanSnapshot,
  UnitLabel,
  UnitPenugasan,
} from '../../../domain/pengamanan/rencana-tersimpan';
import { dotted } from './pengamanan-snapshot';

/**
 * One row per TPS of a plan: its group, its share of the group's required and assigned Polri (the
 * group's need is not repeated on each TPS), its Linmas, and who stands at the group.
 */
export function planTpsRows(plan: Plan, snapshot: PlanSnapshot) {
  const label = (unitId: string): UnitLabel => snapshot.units[unitId] ?? { label: unitId, force: 'polres' };
  const byGroup = new Map<string, PetugasEntry[]>();
  for (const a of plan.assignments) {
    const l = label(a.unitId);
    const list = byGroup.get(a.groupId) ?? [];
    list.push({ label: l.label, force: l.force, count: a.count });
    byGroup.set(a.groupId, list);
  }
  const tniByKel = new Map<string, PetugasEntry[]>();
  for (const a of plan.kelurahanAssignments) {
    const l = label(a.unitId);
    const list = tniByKel.get(a.kodeKelurahan) ?? [];
    list.push({ label: `${l.label} (tiga pilar)`, force: l.force, count: a.count });
    tniByKel.set(a.kodeKelurahan, list);
  }
  const tpsById = new Map(snapshot.planner.tps.map((t) => [t.id, t]));
  const pola = snapshot.planner.pola;
  return plan.groups.flatMap((g) => {
    let linmasLeft = g.linmasAssigned;
    const kelompok = `${dotted(g.kodeKelurahan)}/${g.kategori}/${g.id.split('/')[2] ?? '1'}`;
    return g.tpsIds.map((id, index) => {
      const t = tpsById.get(id);
      const linmasRequired = pola?.[g.kategori].linmasPerTps ?? 0;
      const linmasAssigned = Math.min(linmasRequired, linmasLeft);
      linmasLeft -= linmasAssigned;
      const kodeWilayah = dotted(g.kodeKelurahan);
      return {
        tps_id: id,
        kode_wilayah: kodeWilayah,
        kode_tps: formatKodeTps(kodeWilayah, t?.nomor ?? 0),
        nomor: t?.nomor ?? 0,
        kategori: g.kategori,
        kelompok,
        kelompok_tps: g.tpsIds.length,
        // This TPS's share of the group's Polri, so that a column of them sums to the need.
        polri_required: bagianKelompok(g.polri, g.tpsIds.length, index),
        polri_assigned: bagianKelompok(g.polriAssigned, g.tpsIds.length, index),
        linmas_required: linmasRequired,
        linmas_assigned: linmasAssigned,
        covered: g.covered,
        petugas: [...(byGroup.get(g.id) ?? []), ...(tniByKel.get(g.kodeKelurahan) ?? [])],
      };
    });
  });
}

export function penugasanOf(plan: Plan, snapshot: PlanSnapshot): UnitPenugasan[] {
  const byUnit = new Map<string, UnitPenugasan>();
  const entry = (unitId: string): UnitPenugasan => {
    let e = byUnit.get(unitId);
    if (!e) {
      const l = snapshot.units[unitId] ?? { label: unitId, force: 'polres' as const };
      e = { unitId, label: l.label, force: l.force, tugas: [], cadangan: [] };
      byUnit.set(unitId, e);
    }
    return e;
  };
  const nomorOf = new Map(snapshot.planner.tps.map((t) => [t.id, t.nomor]));
  const groupById = new Map(plan.groups.map((g) => [g.id, g]));
  for (const a of plan.assignments) {
    const g = groupById.get(a.groupId);
    if (!g) continue;
    entry(a.unitId).tugas.push({
      kodeKelurahan: dotted(g.kodeKelurahan),
      kategori: g.kategori,
      tps: g.tpsIds.map((id) => nomorOf.get(id) ?? 0),
      count: a.count,
    });
  }
  for (const a of plan.kelurahanAssignments)
    entry(a.unitId).tugas.push({
      kodeKelurahan: dotted(a.kodeKelurahan),
      kategori: 'tiga_pilar',
      tps: [],
      count: a.count,
    });
  for (const r of plan.reserves) entry(r.unitId).cadangan.push({ ring: r.ring, count: r.count });
  for (const p of plan.penugasanTugas) {
    const l = snapshot.tugas?.[p.tugasId];
    if (!l) continue;
    const e = entry(p.unitId);
    (e.tugasLain ??= []).push({ ...l, count: p.count });
  }
  return [...byUnit.values()].sort(
    (a, b) => a.force.localeCompare(b.force) || a.label.localeCompare(b.label, 'id'),
  );
}
