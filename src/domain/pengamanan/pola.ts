/**
 * Pola pengamanan TPS ("Polri : TPS : Linmas"): how many police guard how many TPS, and how many
 * Linmas stand at each TPS, by the TPS's category; the TNI (Babinsa) need of tiga pilar; and the ring
 * system's share of Polri kept off the TPS. Defaults are Siaga's reading of the 2024 reports in
 * ../shared/domain/pilkada-facts.md §3.2 (sangat rawan 2:1:2, rawan 2:2:4, kurang rawan 2 Polri per
 * 8-20 TPS with 2 Linmas per TPS, TPS khusus 2 Polri each); every Polres can change them. See
 * docs/domain/pengamanan.md.
 */
import { KATEGORI, type Kategori } from '../kerawanan/score-tps';

export interface PolaKategori {
  /** Polri personnel for one group of `tps` TPS. */
  polri: number;
  /** TPS per group: adjacent TPS of one kelurahan share their Polri. */
  tps: number;
  /** Linmas at every TPS of the category (ring 1 stands at the TPS itself). */
  linmasPerTps: number;
}

export type PolaPengamanan = Record<Kategori, PolaKategori>;

/** Siaga's defaults, pilkada-facts §3.2 (Kapolda Sulut, Polres Pagar Alam, Polresta Sleman rows). */
export const DEFAULT_POLA: PolaPengamanan = {
  // 2 Polri guard 1 sangat rawan TPS with 2 Linmas (2:1:2).
  sangat_rawan: { polri: 2, tps: 1, linmasPerTps: 2 },
  // 2 Polri guard 2 rawan TPS, 4 Linmas in all (2:2:4).
  rawan: { polri: 2, tps: 2, linmasPerTps: 2 },
  // 2 Polri per 8 TPS (Sleman's most common 2:8:16); the reports range from 8 to 20 TPS.
  kurang_rawan: { polri: 2, tps: 8, linmasPerTps: 2 },
  // TPS khusus (lapas, rutan): 2 Polri per TPS (Sleman).
  khusus: { polri: 2, tps: 1, linmasPerTps: 2 },
};

/** Coverage order: a group of an earlier category is always staffed before one of a later category. */
export const PRIORITAS: readonly Kategori[] = ['sangat_rawan', 'khusus', 'rawan', 'kurang_rawan'];
/** Each category's place in PRIORITAS (0 first). */
export const PRIORITY_INDEX: Record<Kategori, number> = {
  sangat_rawan: 0,
  khusus: 1,
  rawan: 2,
  kurang_rawan: 3,
};

/** Largest group a pattern may name: 20 TPS (Kapolda Sulut: "2 Polri : 16-20 TPS", §3.2). */
export const MAX_TPS_PER_KELOMPOK = 20;

/** Tiga pilar: one Babinsa (TNI) for every kelurahan/desa that has a TPS, at its TPS on voting day. */
export const TNI_PER_KELURAHAN = 1;

export type PolaProblemCode =
  | 'bukan_bilangan_bulat'
  | 'polri_minimal_satu'
  | 'tps_minimal_satu'
  | 'tps_terlalu_banyak'
  | 'linmas_negatif'
  | 'lebih_longgar_dari_kategori_bawah';

export interface PolaProblem {
  code: PolaProblemCode;
  kategori: Kategori;
  message: string;
}

const LABEL: Record<Kategori, string> = {
  sangat_rawan: 'sangat rawan',
  rawan: 'rawan',
  kurang_rawan: 'kurang rawan',
  khusus: 'TPS khusus',
};

/** Label of a category as the UI writes it. */
export function labelKategori(kategori: Kategori): string {
  return LABEL[kategori];
}

/** Everything wrong with a pattern, in Indonesian with a stable code; empty when it can be used. */
export function validatePola(pola: PolaPengamanan): PolaProblem[] {
  const problems: PolaProblem[] = [];
  for (const kategori of KATEGORI) {
    const p = pola[kategori];
    const add = (code: PolaProblemCode, message: string): void => {
      problems.push({ code, kategori, message: `Pola ${LABEL[kategori]}: ${message}` });
    };
    const fields = [
      ['polri', p.polri],
      ['tps', p.tps],
      ['linmasPerTps', p.linmasPerTps],
    ] as const;
    const nonInteger = fields.filter(([, value]) => !Number.isInteger(value));
    if (nonInteger.length > 0) {
      add('bukan_bilangan_bulat', `${nonInteger.map(([name]) => name).join(', ')} harus bilangan bulat`);
      continue;
    }
    if (p.polri < 1) add('polri_minimal_satu', 'minimal 1 personel Polri per kelompok TPS');
    if (p.tps < 1) add('tps_minimal_satu', 'kelompok minimal berisi 1 TPS');
    if (p.tps > MAX_TPS_PER_KELOMPOK)
      add('tps_terlalu_banyak', `kelompok paling banyak ${MAX_TPS_PER_KELOMPOK} TPS (kini ${p.tps})`);
    if (p.linmasPerTps < 0) add('linmas_negatif', 'jumlah Linmas per TPS tidak boleh negatif');
  }
  // A more vulnerable TPS never gets fewer police per TPS than a less vulnerable one.
  const order: Kategori[] = ['sangat_rawan', 'rawan', 'kurang_rawan'];
  for (let i = 0; i + 1 < order.length; i++) {
    const upper = order[i]!;
    const lower = order[i + 1]!;
    const a = pola[upper];
    const b = pola[lower];
    if (a.tps >= 1 && b.tps >= 1 && a.polri * b.tps < b.polri * a.tps) {
      problems.push({
        code: 'lebih_longgar_dari_kategori_bawah',
        kategori: upper,
        message: `Pola ${LABEL[upper]}: Polri per TPS (${a.polri}:${a.tps}) lebih sedikit daripada pola ${LABEL[lower]} (${b.polri}:${b.tps})`,
      });
    }
  }
  return problems;
}

/** A TPS as the planner sees it. `kodeKelurahan` is 10 digits; its first 6 are the kecamatan. */
export interface TpsPengamanan {
  id: string;
  kodeKelurahan: string;
  nomor: number;
  kategori: Kategori;
  lat?: number | null;
  lng?: number | null;
}

/** Adjacent TPS of one kelurahan and category that share their Polri. */
export interface KelompokTps {
  /** `<kodeKelurahan>/<kategori>/<n>`, n from 1 in nomor order: stable across runs. */
  id: string;
  kodeKelurahan: string;
  kodeKecamatan: string;
  kategori: Kategori;
  tpsIds: string[];
  polri: number;
  linmas: number;
}

const byKelurahanNomor = (a: TpsPengamanan, b: TpsPengamanan): number =>
  a.kodeKelurahan < b.kodeKelurahan
    ? -1
    : a.kodeKelurahan > b.kodeKelurahan
      ? 1
      : a.nomor - b.nomor || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The share of a group's `total` (its Polri need, or those assigned) that falls on the `index`-th of
 * its `size` TPS in nomor order: spread evenly in whole persons so that the shares sum to the total
 * (2 Polri over 8 TPS: the 4th and the 8th TPS carry 1 each). A per-TPS list then sums to the
 * groups' need instead of repeating it on every TPS (issue #16: Kutai Timur summed to 1,402, not 688).
 */
export function bagianKelompok(total: number, size: number, index: number): number {
  if (size <= 0) return 0;
  return Math.floor((total * (index + 1)) / size) - Math.floor((total * index) / size);
}

/**
 * Groups TPS of the same kelurahan and category in nomor order into groups of the pattern's size
 * (the last group may be smaller and still needs the full Polri of the pattern). Sorted by
 * kelurahan, then category priority, then group number.
 */
export function kelompokkanTps(tpsList: readonly TpsPengamanan[], pola: PolaPengamanan): KelompokTps[] {
  const sorted = [...tpsList].sort(byKelurahanNomor);
  const groups: KelompokTps[] = [];
  let start = 0;
  while (start < sorted.length) {
    const kode = sorted[start]!.kodeKelurahan;
    let end = start;
    while (end < sorted.length && sorted[end]!.kodeKelurahan === kode) end++;
    for (const kategori of PRIORITAS) {
      const size = Math.max(1, pola[kategori].tps);
      let current: KelompokTps | null = null;
      for (let i = start; i < end; i++) {
        const tps = sorted[i]!;
        if (tps.kategori !== kategori) continue;
        if (current === null || current.tpsIds.length >= size) {
          current = {
            id: '',
            kodeKelurahan: kode,
            kodeKecamatan: kode.slice(0, 6),
            kategori,
            tpsIds: [],
            polri: pola[kategori].polri,
            linmas: 0,
          };
          groups.push(current);
        }
        current.tpsIds.push(tps.id);
        current.linmas += pola[kategori].linmasPerTps;
      }
    }
    start = end;
  }
  // Number the groups within their kelurahan and category.
  let previous = '';
  let n = 0;
  for (const group of groups) {
    const key = `${group.kodeKelurahan}/${group.kategori}`;
    n = key === previous ? n + 1 : 1;
    previous = key;
    group.id = `${key}/${n}`;
  }
  return groups;
}

export interface KebutuhanKategori {
  tps: number;
  kelompok: number;
  polri: number;
  linmas: number;
}

export interface Kebutuhan {
  perKategori: Record<Kategori, KebutuhanKategori>;
  total: KebutuhanKategori & { tni: number; kelurahan: number };
}

/**
 * Personnel a TPS list needs under a pattern: Polri per group, Linmas per TPS, and one Babinsa per
 * kelurahan with TPS (TNI_PER_KELURAHAN).
 */
export function kebutuhan(tpsList: readonly TpsPengamanan[], pola: PolaPengamanan): Kebutuhan {
  const empty = (): KebutuhanKategori => ({ tps: 0, kelompok: 0, polri: 0, linmas: 0 });
  const perKategori = {
    kurang_rawan: empty(),
    rawan: empty(),
    sangat_rawan: empty(),
    khusus: empty(),
  } satisfies Record<Kategori, KebutuhanKategori>;
  for (const group of kelompokkanTps(tpsList, pola)) {
    const k = perKategori[group.kategori];
    k.tps += group.tpsIds.length;
    k.kelompok += 1;
    k.polri += group.polri;
    k.linmas += group.linmas;
  }
  const kelurahan = new Set(tpsList.map((t) => t.kodeKelurahan)).size;
  const total = { ...empty(), tni: kelurahan * TNI_PER_KELURAHAN, kelurahan };
  for (const kategori of KATEGORI) {
    const k = perKategori[kategori];
    total.tps += k.tps;
    total.kelompok += k.kelompok;
    total.polri += k.polri;
    total.linmas += k.linmas;
  }
  return { perKategori, total };
}

/**
 * The ring system (Polres Trenggalek, pilkada-facts §3.2): ring 1-2 stand at the TPS; ring 3 are
 * patrols per Polsek rayon; ring 4 is the Kapolres reserve. Shares of available Polri held back
 * before any TPS is staffed, rounded down.
 */
export interface ReservePolicy {
  /** Share of each Polsek's own Polri kept as its ring-3 patrol (0.10 = 10%). */
  patroliShare: number;
  /** Share of the kab/kota's Polri kept as ring-4 Kapolres reserve, taken from Polres-level units first. */
  cadanganShare: number;
}

export const DEFAULT_RESERVE: ReservePolicy = { patroliShare: 0.1, cadanganShare: 0.05 };

/** Problems with a reserve policy (shares in [0, 1), together below 1). */
export function validateReservePolicy(policy: ReservePolicy): { code: string; message: string }[] {
  const problems: { code: string; message: string }[] = [];
  for (const [name, value] of [
    ['patroliShare', policy.patroliShare],
    ['cadanganShare', policy.cadanganShare],
  ] as const) {
    if (!Number.isFinite(value) || value < 0 || value >= 1)
      problems.push({
        code: 'porsi_tidak_valid',
        message: `${name} harus di antara 0 dan 1 (kini ${value})`,
      });
  }
  if (policy.patroliShare + policy.cadanganShare >= 1)
    problems.push({
      code: 'porsi_terlalu_besar',
      message: 'Patroli dan cadangan bersama harus di bawah 100%',
    });
  return problems;
}
