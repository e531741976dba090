/**
 * A plan's summary as the page shows it and as a plan version stores it (dotted codes, names,
 * Indonesian suggestions), narrowed to a camat's or lurah's own area on reading; and the kecamatan
 * a Polres has no Polsek or Koramil for.
 */
import type { PlanSummary, StoredSummary } from '../../../contracts/pengamanan';
import type { Kategori } from '../../../domain/kerawanan/score-tps';
import type { Force, Plan, UnitPengamanan } from '../../../domain/pengamanan/planner';
import { labelKategori } from '../../../domain/pengamanan/pola';
import type { PlanSnapshot } from '../../../domain/pengamanan/rencana-tersimpan';
import { dotted } from './pengamanan-snapshot';

/** Names of kecamatan and kelurahan by dotted code. */
export type Names = ReadonlyMap<string, string>;

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
