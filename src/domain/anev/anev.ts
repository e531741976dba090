/**
 * Analisa dan evaluasi (anev): an election set beside the previous one of the same kind in the same
 * region, per kecamatan, as the rakor evaluasi reads it (seed 002: "analisa dan evaluasi dari
 * pengalaman Pemilu yang lalu"). The figures of an election run in Siaga are computed from its
 * records; a past election never run in Siaga is entered from its summary figures. Which way is
 * better for each figure is Siaga's reading (docs/domain/anev.md).
 */

export interface MetrikAnev {
  kode: string;
  nama: string;
  satuan: 'jumlah' | 'persen';
  /** Which way a change is an improvement; null where a change is neither (the number of TPS). */
  baik: 'turun' | 'naik' | null;
  /** Figures kept for the whole kab/kota only (readiness, turnout), not per kecamatan. */
  kabKotaSaja?: boolean;
}

export const METRIK_ANEV: readonly MetrikAnev[] = [
  { kode: 'tps', nama: 'Jumlah TPS', satuan: 'jumlah', baik: null },
  { kode: 'tps_rawan', nama: 'TPS rawan', satuan: 'jumlah', baik: 'turun' },
  { kode: 'tps_sangat_rawan', nama: 'TPS sangat rawan', satuan: 'jumlah', baik: 'turun' },
  { kode: 'tps_khusus', nama: 'TPS khusus', satuan: 'jumlah', baik: null },
  { kode: 'kelurahan_rawan', nama: 'Kelurahan/desa dengan TPS rawan', satuan: 'jumlah', baik: 'turun' },
  { kode: 'kejadian', nama: 'Kejadian dilaporkan', satuan: 'jumlah', baik: 'turun' },
  { kode: 'kejadian_berat', nama: 'Kejadian berat (tinggi/kritis)', satuan: 'jumlah', baik: 'turun' },
  { kode: 'kejadian_selesai', nama: 'Kejadian selesai ditangani', satuan: 'jumlah', baik: null },
  { kode: 'rujukan_gakkumdu', nama: 'Dirujuk ke Bawaslu/Gakkumdu', satuan: 'jumlah', baik: null },
  {
    kode: 'laporan_tepat_waktu',
    nama: 'Laporan situasi tepat waktu',
    satuan: 'persen',
    baik: 'naik',
  },
  { kode: 'kesiapan_h7', nama: 'Kesiapan pada H-7', satuan: 'persen', baik: 'naik', kabKotaSaja: true },
  { kode: 'target_partisipasi', nama: 'Target partisipasi', satuan: 'persen', baik: null, kabKotaSaja: true },
  { kode: 'partisipasi', nama: 'Partisipasi pemilih', satuan: 'persen', baik: 'naik', kabKotaSaja: true },
  { kode: 'psu_tps', nama: 'TPS dengan PSU', satuan: 'jumlah', baik: 'turun' },
];

export const KODE_METRIK = new Set(METRIK_ANEV.map((m) => m.kode));

/** One area's figures: metric code → value; a figure not known is absent. */
export type Angka = Readonly<Record<string, number>>;

export type Penilaian = 'membaik' | 'memburuk' | 'tetap' | 'tidak_dinilai';

export interface BarisBanding {
  metrik: string;
  kini: number | null;
  lalu: number | null;
  selisih: number | null;
  penilaian: Penilaian;
}

/** Whether a move from `lalu` to `kini` is an improvement, by the metric's direction. */
export function nilaiPerubahan(metrik: MetrikAnev, kini: number | null, lalu: number | null): Penilaian {
  if (kini === null || lalu === null || metrik.baik === null) return 'tidak_dinilai';
  if (kini === lalu) return 'tetap';
  const naik = kini > lalu;
  return naik === (metrik.baik === 'naik') ? 'membaik' : 'memburuk';
}

/** One area, metric by metric: now, before, the difference and whether it improved. */
export function bandingkan(
  kini: Angka,
  lalu: Angka,
  metrik: readonly MetrikAnev[] = METRIK_ANEV,
): BarisBanding[] {
  return metrik.map((m) => {
    const a = kini[m.kode] ?? null;
    const b = lalu[m.kode] ?? null;
    return {
      metrik: m.kode,
      kini: a,
      lalu: b,
      selisih: a === null || b === null ? null : round(a - b),
      penilaian: nilaiPerubahan(m, a, b),
    };
  });
}

/**
 * The kab/kota's own figures from its kecamatan's: counts add up; a percentage is not summed (it is
 * kept for the kab/kota as computed or entered). A count missing in every kecamatan stays missing.
 */
export function jumlahkan(
  perKecamatan: readonly Angka[],
  metrik: readonly MetrikAnev[] = METRIK_ANEV,
): Angka {
  const total: Record<string, number> = {};
  for (const m of metrik) {
    if (m.satuan !== 'jumlah' || m.kabKotaSaja) continue;
    const values = perKecamatan.map((a) => a[m.kode]).filter((v): v is number => v !== undefined);
    if (values.length > 0) total[m.kode] = values.reduce((x, y) => x + y, 0);
  }
  return total;
}

/**
 * The breakdowns the rakor reads for the whole kab/kota beside the figures: incidents by category and
 * by how they ended, referrals to Bawaslu/Gakkumdu by their outcome (the "incidents by
 * category and outcome, Gakkumdu referrals and their outcomes").
 */
export const KELOMPOK_RINCIAN = ['kategori_kejadian', 'status_kejadian', 'hasil_rujukan'] as const;
export type KelompokRincian = (typeof KELOMPOK_RINCIAN)[number];

export interface ItemRincian {
  kelompok: KelompokRincian;
  kode: string;
  nama: string;
  nilai: number;
}

export interface BarisRincian {
  kelompok: KelompokRincian;
  kode: string;
  nama: string;
  kini: number | null;
  lalu: number | null;
}

/**
 * Both elections' breakdowns side by side: a line for every item either has, grouped in the order
 * of KELOMPOK_RINCIAN, the largest now first within a group. A side with a breakdown counts an item
 * it lacks as 0; a side without one (null: never run in Siaga, or no comparison) stays null, so no
 * zero is claimed for it.
 */
export function bandingRincian(
  kini: readonly ItemRincian[] | null,
  lalu: readonly ItemRincian[] | null,
): BarisRincian[] {
  const rows = new Map<string, BarisRincian>();
  const add = (items: readonly ItemRincian[] | null, side: 'kini' | 'lalu') => {
    for (const i of items ?? []) {
      const key = `${i.kelompok}\u0000${i.kode}`;
      const row =
        rows.get(key) ??
        rows.set(key, { kelompok: i.kelompok, kode: i.kode, nama: i.nama, kini: null, lalu: null }).get(key)!;
      row[side] = (row[side] ?? 0) + i.nilai;
    }
  };
  add(kini, 'kini');
  add(lalu, 'lalu');
  for (const row of rows.values()) {
    if (kini !== null) row.kini ??= 0;
    if (lalu !== null) row.lalu ??= 0;
  }
  const order = (k: KelompokRincian) => KELOMPOK_RINCIAN.indexOf(k);
  return [...rows.values()].sort(
    (a, b) =>
      order(a.kelompok) - order(b.kelompok) ||
      (b.kini ?? 0) - (a.kini ?? 0) ||
      (b.lalu ?? 0) - (a.lalu ?? 0) ||
      a.nama.localeCompare(b.nama, 'id'),
  );
}

/** Entered figures take the place of computed ones, figure by figure (a correction by the region). */
export function gabungkan(dihitung: Angka, dimasukkan: Angka): Angka {
  return { ...dihitung, ...dimasukkan };
}

/**
 * The election compared with: the latest earlier one of the same kind family that concerns the
 * region (a PSU is part of its parent's cycle, never a comparison of its own). On the same voting day
 * a closed record counts as the earlier one (an archive beside a rerun of the same day).
 */
export function pembandingOf<
  T extends { id: string; jenis: string; hariPemungutan: string; ditutup?: boolean },
>(
  kini: { id: string; jenis: string; hariPemungutan: string; ditutup?: boolean },
  daftar: readonly T[],
): T | null {
  const family = (jenis: string) => (jenis.startsWith('pilkada') || jenis === 'psu' ? 'pilkada' : jenis);
  const earlier = (p: T) =>
    p.hariPemungutan < kini.hariPemungutan ||
    (p.hariPemungutan === kini.hariPemungutan && p.ditutup === true && kini.ditutup !== true);
  let best: T | null = null;
  for (const p of daftar) {
    if (p.id === kini.id || family(p.jenis) !== family(kini.jenis) || p.jenis === 'psu' || !earlier(p))
      continue;
    if (best === null || p.hariPemungutan > best.hariPemungutan) best = p;
  }
  return best;
}

/** A percentage with one decimal, or null of nothing. */
export function persen(bagian: number, dari: number): number | null {
  return dari === 0 ? null : round((bagian / dari) * 100);
}

/** A cell as text: a spreadsheet cell is text, a number, a boolean or empty. */
function teks(cell: unknown): string {
  return typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean'
    ? String(cell)
    : '';
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Validation of one row of the summary template (a kecamatan, or the kab/kota itself, and its
 * figures): problems in Indonesian, one per cell; figures as numbers.
 */
export function bacaBarisRingkasan(
  header: readonly string[],
  cells: readonly unknown[],
): { kode: string; angka: Record<string, number>; masalah: string[] } {
  const masalah: string[] = [];
  const angka: Record<string, number> = {};
  const kodeIndex = header.indexOf('kode_wilayah');
  const kode = teks(cells[kodeIndex]).trim();
  if (kode === '') masalah.push('kode_wilayah kosong');
  header.forEach((kolom, i) => {
    if (!KODE_METRIK.has(kolom)) return;
    const raw = cells[i];
    if (raw === null || raw === undefined || raw === '') return;
    const value = typeof raw === 'number' ? raw : Number(teks(raw).trim().replace(',', '.'));
    const metrik = METRIK_ANEV.find((m) => m.kode === kolom)!;
    if (!Number.isFinite(value) || value < 0) {
      masalah.push(`${kolom}: "${teks(raw)}" bukan angka`);
    } else if (metrik.satuan === 'persen' && value > 100) {
      masalah.push(`${kolom}: persen paling besar 100`);
    } else if (metrik.satuan === 'jumlah' && !Number.isInteger(value)) {
      masalah.push(`${kolom}: jumlah harus bilangan bulat`);
    } else {
      angka[kolom] = value;
    }
  });
  return { kode, angka, masalah };
}
