/**
 * The boundary between the pure planner (compact digit codes) and storage and API (dotted
 * Kemendagri codes, names): builds the planner input from rows, and turns a Plan into the summary,
 * the per-TPS rows and the per-unit assignments that are stored with a plan version.
 */
import type { PlanSummary, WhatIfChange } from '../../../contracts/pengamanan';
import { KATEGORI, type Kategori } from '../../../domain/kerawanan/score-tps';
import {
  applyWhatIf,
  type Force,
  type PengamananInput,
  type Plan,
  type UnitPengamanan,
} from '../../../domain/pengamanan/planner';
import {
  bagianKelompok,
  labelKategori,
  type PolaPengamanan,
  type ReservePolicy,
} from '../../../domain/pengamanan/pola';
import { formatKodeTps } from '../../../domain/tps/kode-tps';
import { compactKode, normalizeKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { DomainError } from '../../errors';
import type { TpsForPlanRow, UnitRow } from './pengamanan.repo';
import type { TugasRow } from './pengamanan-tugas.repo';
import { toDomainTugas } from './pengamanan-tugas';
import type { Jendela, JenisTugasLain } from '../../../domain/pengamanan/tugas';

/** Dotted code from the planner's compact one (4, 6 or 10 digits). */
export function dotted(compact: string): string {
  return normalizeKodeWilayah(compact) ?? compact;
}

/** A TPS's category for planning: special location → khusus; else the pra-phase category, override first; unassessed → kurang rawan. */
export function kategoriForPlan(
  row: Pick<TpsForPlanRow, 'lokasi_khusus' | 'kategori' | 'override_kategori'>,
): Kategori {
  if (row.lokasi_khusus !== null) return 'khusus';
  const k = row.override_kategori ?? row.kategori;
  return k !== null && (KATEGORI as readonly string[]).includes(k) ? (k as Kategori) : 'kurang_rawan';
}

export interface UnitLabel {
  label: string;
  force: Force;
}

/** A duty besides the TPS as a plan version records it (dotted code, ISO times). */
export interface TugasLabel {
  jenis: JenisTugasLain;
  nama: string;
  kodeWilayah: string;
  mulai: string;
  selesai: string;
}

/** What a plan version records: the planner input plus the unit labels and TPS codes. */
export interface PlanSnapshot {
  planner: PengamananInput;
  units: Record<string, UnitLabel>;
  /** The other duties' labels (absent in plans made before duties existed). */
  tugas?: Record<string, TugasLabel>;
  kodeKabKota: string;
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
    force: u.force as Force,
    kind: u.kind as UnitPengamanan['kind'],
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
          jenis: t.jenis as JenisTugasLain,
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
        { label: u.jabatan ? `${u.nama} (${u.jabatan})` : u.nama, force: u.force as Force },
      ]),
    ),
  };
}

const FORCE_LABEL: Record<Force, string> = {
  polres: 'Polres',
  polsek: 'Polsek',
  bko_polda: 'BKO Polda',
  brimob: 'Brimob',
  kodim: 'Kodim',
  koramil: 'Koramil',
  lanal: 'Lanal',
  satpol_pp: 'Satpol PP',
  linmas: 'Linmas',
};
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

/** Names of kecamatan and kelurahan by dotted code. */
export type Names = ReadonlyMap<string, string>;

/** Per-kecamatan category counts, kept so a camat's view can be narrowed from the stored summary. */
export interface StoredSummary extends PlanSummary {
  kategoriByKecamatan: Record<
    string,
    { covered: Record<Kategori, number>; kelompok: Record<Kategori, number> }
  >;
}

const zeroKategori = (): Record<Kategori, number> => ({
  kurang_rawan: 0,
  rawan: 0,
  sangat_rawan: 0,
  khusus: 0,
});

/** The summary of a plan as the page shows it (dotted codes, names, Indonesian suggestions). */
export function summarize(
  plan: Plan,
  snapshot: PlanSnapshot,
  names: Names,
  kecamatanOfKabKota: readonly string[],
): StoredSummary {
  const nama = (kode: string) => names.get(kode) ?? kode;
  const kategoriByKecamatan: StoredSummary['kategoriByKecamatan'] = {};
  for (const g of plan.groups) {
    const kec = dotted(g.kodeKecamatan);
    const entry = (kategoriByKecamatan[kec] ??= { covered: zeroKategori(), kelompok: zeroKategori() });
    entry.kelompok[g.kategori]++;
    if (g.covered) entry.covered[g.kategori]++;
  }
  const suggestions: PlanSummary['suggestions'] = [];
  for (const s of plan.suggestions) {
    switch (s.code) {
      case 'minta_bko':
        suggestions.push({
          code: s.code,
          kodeKecamatan: null,
          count: s.count,
          message: `Kekurangan ${s.count} personel Polri untuk ${plan.uncovered.length} kelompok TPS: ajukan BKO dari Polda atau lepaskan sebagian cadangan.`,
        });
        break;
      case 'rebalance':
        suggestions.push({
          code: s.code,
          kodeKecamatan: s.kodeKecamatan === null ? null : dotted(s.kodeKecamatan),
          count: s.count,
          message: `Polsek ${nama(dotted(s.fromKecamatan ?? ''))} berlebih dan Kecamatan ${nama(dotted(s.kodeKecamatan ?? ''))} kurang: ${s.count} personel digeser (BKO antar-Polsek).`,
        });
        break;
      case 'patroli_mobile':
        suggestions.push({
          code: s.code,
          kodeKecamatan: s.kodeKecamatan === null ? null : dotted(s.kodeKecamatan),
          count: s.count,
          message: `${s.count} kelompok TPS ${labelKategori('kurang_rawan')} di Kecamatan ${nama(dotted(s.kodeKecamatan ?? ''))} tanpa personel tetap: amankan dengan patroli mobile (ring 3).`,
        });
        break;
    }
  }
  const tanpa = kecamatanTanpa(snapshot.planner.units, kecamatanOfKabKota);
  for (const k of tanpa) {
    if (k.polsek)
      suggestions.push({
        code: 'tambah_polsek',
        kodeKecamatan: k.kode,
        count: 1,
        message: `Kecamatan ${nama(k.kode)} belum memiliki Polsek: TPS-nya dijaga dari Polres atau Polsek tetangga; tambah polsek (rekomendasi rakor).`,
      });
    if (k.koramil)
      suggestions.push({
        code: 'tambah_koramil',
        kodeKecamatan: k.kode,
        count: 1,
        message: `Kecamatan ${nama(k.kode)} belum memiliki Koramil: Babinsa datang dari Kodim atau Koramil tetangga; tambah koramil (rekomendasi rakor).`,
      });
  }
  const kelompok = plan.groups.length;
  return {
    coverageByKind: plan.coverageByKind,
    coverageTps: plan.coverageTps,
    coveredByKategori: plan.objective.coveredByKategori,
    kelompokByKategori: plan.objective.kelompokByKategori,
    kelompok,
    kelompokTerjaga: plan.groups.filter((g) => g.covered).length,
    travelCost: plan.objective.travelCost,
    coverageByKecamatan: plan.coverageByKecamatan.map((c) => ({
      kode: dotted(c.kodeKecamatan),
      nama: nama(dotted(c.kodeKecamatan)),
      kelompok: c.kelompok,
      kelompokTerjaga: c.kelompokTerjaga,
      polri: c.polri,
      linmas: c.linmas,
      tni: c.tni,
    })),
    coverageByForce: plan.coverageByForce,
    suggestions,
    problems: plan.problems.map((p) => p.message),
    kategoriByKecamatan,
    tugas: plan.tugas.map((t) => {
      const l = snapshot.tugas?.[t.tugasId];
      return {
        id: t.tugasId,
        jenis: t.jenis,
        nama: l?.nama ?? t.tugasId,
        kodeWilayah: l?.kodeWilayah ?? dotted(t.kodeWilayah),
        mulai: l?.mulai ?? '',
        selesai: l?.selesai ?? '',
        polri: t.polri,
        tni: t.tni,
        linmas: t.linmas,
        satpolPp: t.satpol_pp,
      };
    }),
    bentrok: plan.bentrok.length,
  };
}

/** Kecamatan (dotted) lacking a Polsek or a Koramil unit with personnel. */
export function kecamatanTanpa(
  units: readonly UnitPengamanan[],
  kecamatan: readonly string[],
): { kode: string; polsek: boolean; koramil: boolean }[] {
  const has = (force: Force) =>
    new Set(
      units
        .filter((u) => u.force === force && u.count > 0 && u.homeKecamatan !== null)
        .map((u) => dotted(u.homeKecamatan ?? '')),
    );
  const polsek = has('polsek');
  const koramil = has('koramil');
  return kecamatan
    .map((kode) => ({ kode, polsek: !polsek.has(kode), koramil: !koramil.has(kode) }))
    .filter((k) => k.polsek || k.koramil);
}

/** The stored summary narrowed to a kecamatan or kelurahan (a camat's or lurah's own area). */
export function narrowSummary(summary: StoredSummary, kodeKabKota: string, wilayah: string): PlanSummary {
  const { kategoriByKecamatan, coverageTps, ...rest } = summary;
  const full = { ...rest, ...(coverageTps === undefined ? {} : { coverageTps }) };
  if (wilayah === kodeKabKota) return full;
  const kec = wilayah.split('.').slice(0, 3).join('.');
  const rows = full.coverageByKecamatan.filter((c) => c.kode === kec);
  const sum = (pick: (r: (typeof rows)[number]) => { required: number; assigned: number }) => {
    const required = rows.reduce((s, r) => s + pick(r).required, 0);
    const assigned = rows.reduce((s, r) => s + pick(r).assigned, 0);
    return { required, assigned, shortfall: required - assigned };
  };
  const k = kategoriByKecamatan[kec] ?? { covered: zeroKategori(), kelompok: zeroKategori() };
  return {
    ...rest,
    coverageByKind: { polri: sum((r) => r.polri), linmas: sum((r) => r.linmas), tni: sum((r) => r.tni) },
    coveredByKategori: k.covered,
    kelompokByKategori: k.kelompok,
    kelompok: rows.reduce((s, r) => s + r.kelompok, 0),
    kelompokTerjaga: rows.reduce((s, r) => s + r.kelompokTerjaga, 0),
    coverageByKecamatan: rows,
    // Polres-wide force totals are the Kapolres's picture, not a kecamatan's.
    coverageByForce: [],
    suggestions: full.suggestions.filter((s) => s.kodeKecamatan === kec),
    problems: [],
    tugas: (full.tugas ?? []).filter(
      (t) => t.kodeWilayah === wilayah || t.kodeWilayah.startsWith(`${wilayah}.`),
    ),
    bentrok: 0,
  };
}

export interface PetugasEntry {
  label: string;
  force: Force;
  count: number;
}

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

/** Per-unit plotting: where each unit's personnel stand, and what it keeps in reserve. */
export interface UnitPenugasan {
  unitId: string;
  label: string;
  force: Force;
  tugas: { kodeKelurahan: string; kategori: Kategori | 'tiga_pilar'; tps: number[]; count: number }[];
  cadangan: { ring: string; count: number }[];
  /** Other duties (escorts, events, patrols) with their windows; absent in older plans. */
  tugasLain?: (TugasLabel & { count: number })[];
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
